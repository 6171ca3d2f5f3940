package org.parley.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.testing.Ports;

/**
 * A real dump1090-mutability (Debian) in network-only mode on loopback: Beast frames pushed into its
 * Beast input port come out of its Beast output port, as a receiver's port 30005 gives them.
 */
final class Dump1090 implements AutoCloseable {
    static final Path PROGRAM = Path.of("/usr/bin/dump1090-mutability");

    private final Process process;
    private final int beastIn;
    private final int beastOut;

    Dump1090(Path log) throws IOException {
        beastIn = Ports.freePort();
        beastOut = Ports.freePort();
        List<String> command = new ArrayList<>(List.of(
                PROGRAM.toString(),
                "--net-only",
                "--quiet",
                "--net-bind-address",
                "127.0.0.1",
                "--net-bi-port",
                String.valueOf(beastIn),
                "--net-bo-port",
                String.valueOf(beastOut),
                "--net-ri-port",
                String.valueOf(Ports.freePort()),
                "--net-ro-port",
                String.valueOf(Ports.freePort()),
                "--net-sbs-port",
                String.valueOf(Ports.freePort()),
                "--net-http-port",
                String.valueOf(Ports.freePort())));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitListening(beastIn, Duration.ofSeconds(20));
    }

    int beastOutputPort() {
        return beastOut;
    }

    /** Sends a Beast capture into the Beast input port, as a receiver or feeder would. */
    void push(Path beastFile) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), beastIn);
                OutputStream out = socket.getOutputStream()) {
            out.write(Files.readAllBytes(beastFile));
            out.flush();
        }
    }

    private void awaitListening(int port, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dump1090-mutability exited with " + process.exitValue());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", ie);
                }
            }
        }
        throw new IOException("dump1090-mutability does not listen on " + port + " after " + timeout);
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
