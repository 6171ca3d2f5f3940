package org.parley.cli.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted for one node's store, and a filler file that takes every free byte of it,
 * so the store's next growth fails with ENOSPC as on a full disk; deleting the filler gives the space
 * back. Unmounted (lazily, so an open store file cannot block it) in {@link #close}.
 */
final class DiskFull implements AutoCloseable {
    final Path dir;
    private final Path filler;

    private DiskFull(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    static DiskFull mount(Path dir, int megabytes) throws IOException {
        Files.createDirectories(dir);
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString()));
        return new DiskFull(dir);
    }

    /** Writes the filler until the filesystem is full; returns how many bytes it took. */
    long fill() throws IOException {
        long written = 0;
        byte[] chunk = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException e) {
            // ENOSPC: full, which is the point; smaller writes take the last partial block
        }
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < 4096; i++) {
                out.write(0);
                out.flush();
                written++;
            }
        } catch (IOException e) {
            // full to the byte
        }
        return written;
    }

    void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException {
        run(List.of("umount", "-l", dir.toString()));
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean ended;
        try {
            ended = p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " interrupted", e);
        }
        if (!ended || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: "
                    + new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
