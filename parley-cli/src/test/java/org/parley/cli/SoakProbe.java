package org.parley.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one node process holds, read from outside as an operator would: heap used after a full
 * collection ({@code jcmd PID GC.run}, then {@code GC.heap_info}), open file descriptors
 * ({@code /proc/PID/fd}), threads and resident memory ({@code /proc/PID/status}).
 */
final class SoakProbe {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern COMMITTED = Pattern.compile("(?:committed|total) (\\d+)K");
    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

    /** One reading; sizes in MiB. */
    record Reading(double heapAfterGcMib, double heapCommittedMib, double rssMib, int fds, int threads) {
        Reading {
            if (heapAfterGcMib < 0 || fds < 0 || threads < 0) {
                throw new IllegalArgumentException("negative reading: " + heapAfterGcMib + " " + fds + " " + threads);
            }
        }
    }

    private final Path jcmd;

    /** {@code jcmd} from the JDK running this test, the same JDK that runs the node processes. */
    SoakProbe() {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path bin = Path.of(java).getParent();
        this.jcmd = bin == null ? Path.of("jcmd") : bin.resolve("jcmd");
    }

    Reading read(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String heap = jcmd(pid, "GC.heap_info");
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        int fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = (int) open.count();
        }
        return new Reading(
                kib(USED, heap, "GC.heap_info") / 1024.0,
                kib(COMMITTED, heap, "GC.heap_info") / 1024.0,
                kib(RSS, status, "/proc status") / 1024.0,
                fds,
                (int) kib(THREADS, status, "/proc status"));
    }

    /** The first number {@code pattern} finds in {@code text} (the whole heap's line comes first). */
    private static long kib(Pattern pattern, String text, String source) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(source + " has no " + pattern + ":\n" + text);
        }
        return Long.parseLong(m.group(1));
    }

    private String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + out);
        }
        return out;
    }

    /** The one-minute load average of the machine, from /proc/loadavg. */
    static double load1() throws IOException {
        String loadavg = Files.readString(Path.of("/proc/loadavg")).trim();
        int space = loadavg.indexOf(' ');
        return Double.parseDouble(space < 0 ? loadavg : loadavg.substring(0, space));
    }
}
