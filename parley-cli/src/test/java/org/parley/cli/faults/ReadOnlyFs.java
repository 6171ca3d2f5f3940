package org.parley.cli.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small ext4 filesystem in a loop-mounted image file, mounted {@code errors=remount-ro}, for one
 * node's store; {@link #fail} makes the kernel take it read-only as it does after a disk error.
 *
 * <p>Why not {@code mount -o remount,ro}: Linux refuses to remount a filesystem (or a bind mount of
 * it) read-only while a process holds a file on it open for writing ("mount point is busy"), and
 * SQLite holds the database, its WAL and shared-memory file open for as long as the node runs. The
 * one way a live store's filesystem goes read-only under the node is the kernel's own: an ext4
 * error with {@code errors=remount-ro}. {@code /sys/fs/ext4/DEV/trigger_fs_error} raises such an
 * error on purpose (ext4's sysfs test hook, Documentation/ABI/testing/sysfs-fs-ext4), taking the
 * same {@code ext4_error} path a failed disk write takes. This kernel (6.18) then marks the mount
 * {@code emergency_ro}, which a {@code mount -o remount,rw} does not clear: the filesystem is
 * writable again only after an unmount, so {@link #repair} is what an administrator does: the node
 * stopped, {@code umount}, {@code e2fsck -fy}, {@code mount}.
 */
final class ReadOnlyFs implements AutoCloseable {
    final Path dir;
    private final Path image;

    private ReadOnlyFs(Path dir, Path image) {
        this.dir = dir;
        this.image = image;
    }

    /** Why this machine cannot make the fault; empty when it can. */
    static String unavailableReason() {
        for (String tool : List.of(
                "/usr/sbin/mkfs.ext4", "/usr/sbin/e2fsck", "/usr/sbin/losetup", "/usr/bin/mount", "/usr/bin/findmnt")) {
            if (!Files.isExecutable(Path.of(tool))) {
                return tool + " is missing (apt-get install e2fsprogs mount util-linux)";
            }
        }
        return Files.isDirectory(Path.of("/sys/fs/ext4")) ? "" : "the kernel has no ext4 (/sys/fs/ext4 is missing)";
    }

    static ReadOnlyFs create(Path dir, Path image, int megabytes) throws IOException {
        Files.createDirectories(dir);
        run("truncate", "-s", megabytes + "M", image.toString());
        run("/usr/sbin/mkfs.ext4", "-q", "-F", image.toString());
        // The folder becomes a shared mount first, so that the mount namespaces `ip netns exec` copies
        // for the nodes (slaves of this one) follow its umount and mount. Without that, RED's copy kept
        // the read-only superblock alive after the umount here, and its loop device with it.
        run("/usr/bin/mount", "--bind", dir.toString(), dir.toString());
        run("/usr/bin/mount", "--make-shared", dir.toString());
        ReadOnlyFs fs = new ReadOnlyFs(dir, image);
        fs.mount();
        return fs;
    }

    private void mount() throws IOException {
        run("/usr/bin/mount", "-o", "loop,errors=remount-ro", image.toString(), dir.toString());
    }

    /** Raises an ext4 error: the kernel remounts the filesystem read-only under the open store. */
    void fail() throws IOException {
        String device = Path.of(top("SOURCE")).getFileName().toString();
        Files.writeString(Path.of("/sys/fs/ext4", device, "trigger_fs_error"), "1");
    }

    /** The mount's options as the kernel shows them, e.g. {@code ro,...} or {@code ...,emergency_ro}. */
    String options() throws IOException {
        return top("OPTIONS");
    }

    /** One column of findmnt for the ext4 mount: two mounts sit on the folder, the ext4 is the last. */
    private String top(String column) throws IOException {
        List<String> lines = run("/usr/bin/findmnt", "-n", "-o", column, dir.toString())
                .strip()
                .lines()
                .toList();
        return lines.get(lines.size() - 1);
    }

    /** With the node stopped: unmount, check and fix the filesystem, mount it again. */
    void repair() throws IOException, InterruptedException {
        run("/usr/bin/umount", dir.toString());
        awaitDetached();
        Process check = new ProcessBuilder("/usr/sbin/e2fsck", "-fy", image.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = waitFor(check, "e2fsck");
        if (code > 1) { // 0: clean, 1: errors corrected (fsck(8))
            throw new IOException("e2fsck -fy " + image + " exited " + code + ": " + out);
        }
        mount();
    }

    /**
     * Waits until no loop device is backed by the image any more. The node ran in its own mount
     * namespace ({@code ip netns exec} makes one), which the kernel tears down a little after the
     * process dies; until then the read-only superblock lives on, and {@code mount -o loop} would
     * reuse its loop device and so get that superblock back, still read-only (the first run did).
     */
    private void awaitDetached() throws IOException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (run("/usr/sbin/losetup", "-j", image.toString()).isBlank()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("the image is still on a loop device 30 s after umount: "
                + run("/usr/sbin/losetup", "-j", image.toString()));
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (int i = 0; i < 2; i++) { // the ext4 mount (if the repair left it), then the shared bind mount
            try {
                run("/usr/bin/umount", "-l", dir.toString());
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null && !first.getMessage().contains("not mounted")) {
            throw first;
        }
    }

    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(p, command[0]) != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static int waitFor(Process p, String what) throws IOException {
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + " did not end within 60 s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(what + " interrupted", e);
        }
    }
}
