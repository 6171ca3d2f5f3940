package org.parley.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.parley.cli.operator.OperatorClient;

/**
 * A node run as its own process from the built jar ({@code target/parley.jar}), as an operator
 * would run it, so a test can kill it with SIGKILL and start it again on the same store.
 */
final class NodeProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target/parley.jar").toAbsolutePath();

    private final Path config;
    private final Path log;
    private final URI health;
    private final List<String> jvmOptions;
    private Process process;

    NodeProcess(Path config, Path log, int operatorPort) throws IOException {
        this(config, log, operatorPort, List.of());
    }

    /** With {@code jvmOptions} (e.g. {@code -Xmx384m}) before {@code -jar}, as SoakIT runs it. */
    NodeProcess(Path config, Path log, int operatorPort, List<String> jvmOptions) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing; run the package phase first");
        }
        this.config = config;
        this.log = log;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.health = URI.create("https://127.0.0.1:" + operatorPort + "/health");
        this.process = launch();
    }

    private Process launch() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        // As the parley launcher starts a node: the lanes' thread priorities apply (issue 20).
        command.addAll(List.of(
                "-XX:ThreadPriorityPolicy=1", "-jar", JAR.toString(), "node", "start", "--config", config.toString()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed that was not already committed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void restart() throws IOException {
        process = launch();
    }

    /** The operating system's process id, for jcmd and /proc. */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits until the operator API answers {@code /health}, using {@code client} for TLS. */
    void awaitHealthy(OperatorClient client, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node process exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if ("UP".equals(client.get("health").path("status").asText())) {
                    return;
                }
            } catch (OperatorClient.ApiException e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("node not healthy at " + health + " after " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
