package org.parley.node;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code parley demo}: two nodes on one machine replaying an unsafe intercept. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the two-node demonstration.")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--once", description = "Exit after the timeline instead of leaving the nodes running.")
    boolean once;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println("Parley demo: the two-node hotline demonstration is not built yet.");
        out.println("Commands available now:");
        spec.parent().commandLine().getSubcommands().keySet().forEach(name -> out.println("  ./parley " + name));
        out.flush();
        return 0;
    }
}
