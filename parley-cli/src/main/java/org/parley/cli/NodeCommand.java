package org.parley.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parley.cli.keys.PassphraseOption;
import org.parley.crypto.CryptoException;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley node start --config node.yaml}: runs one party's node until SIGTERM or Ctrl-C. */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        description = "Run a node.",
        subcommands = {NodeCommand.Start.class, NodeToken.class})
final class NodeCommand implements Runnable {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the node in the foreground.")
    static final class Start implements Callable<Integer> {
        @CommandLine.Spec
        @SuppressWarnings("NullAway.Init") // injected by picocli
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--config", required = true, description = "The node's YAML config.")
        Path config = Path.of("node.yaml");

        @CommandLine.Mixin
        @SuppressWarnings("NullAway.Init") // injected by picocli
        PassphraseOption passphrase;

        @Override
        public Integer call() throws InterruptedException {
            NodeConfig loaded;
            HotlineNode node;
            try {
                loaded = NodeConfig.load(config);
                node = HotlineNode.start(loaded, passphrase.passphrase(), InstantSource.system(), new SecureRandom());
            } catch (IllegalArgumentException | CryptoException e) {
                spec.commandLine().getErr().println("parley node start: " + e.getMessage());
                return 1;
            }
            var out = spec.commandLine().getOut();
            node.onTimeline(line -> {
                out.println(line);
                out.flush();
            });
            out.printf(
                    "%s node running: federation port %d, operator API https://%s:%d/ (Ctrl-C or SIGTERM stops it)%n",
                    loaded.party(),
                    node.federationPort(),
                    loaded.operatorListen().getHostString(),
                    node.operatorPort());
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            // SIGTERM and Ctrl-C run shutdown hooks: close the servers and the store cleanly.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                node.close();
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        }
    }
}
