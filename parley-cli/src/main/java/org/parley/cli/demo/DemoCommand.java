package org.parley.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code parley demo}: two nodes on this machine (BLUE and RED, embedded SQLite, real mutual TLS on
 * loopback) walk through the hotline's promises and print a timeline.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Run two nodes (BLUE and RED) on this machine and walk through the hotline:",
            "a FLASH safety notice, its signed receipt, RED's acknowledgment, a link test each way,",
            "and an IMMEDIATE message nobody acknowledges in time, which escalates."
        })
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--once", description = "Exit after the timeline instead of leaving the nodes running.")
    boolean once;

    @CommandLine.Option(
            names = "--dir",
            description = "Folder for keys, configs and stores (default: a new temporary folder).")
    Optional<Path> dir = Optional.empty();

    @CommandLine.Option(
            names = "--escalate-after",
            defaultValue = "PT6S",
            description =
                    "Ack deadline of IMMEDIATE messages in the demo (default ${DEFAULT-VALUE}; 30 min in service).")
    Duration escalateAfter = Duration.ofSeconds(6);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = dir.orElseGet(DemoCommand::tempDir);
        DemoRun run = new DemoRun(root, escalateAfter, out, InstantSource.system(), new SecureRandom());
        try {
            run.setUp();
            run.timeline();
        } catch (RuntimeException e) {
            run.close();
            spec.commandLine().getErr().println("parley demo failed: " + e.getMessage());
            return 1;
        }
        if (once) {
            run.close();
            out.println("Demo finished. Keys, configs and stores are in " + root);
            out.flush();
            return 0;
        }
        run.printHowToContinue();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            run.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("parley-demo-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the demo", e);
        }
    }
}
