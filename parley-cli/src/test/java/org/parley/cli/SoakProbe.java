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
 * collection ({@code jcmd PID GC.run}, read from the node's own GC log line for that collection,
 * since a later {@code GC.heap_info} already counts what the busy node allocated meanwhile), open file descriptors
 * ({@code /proc/PID/fd}), threads and resident memory ({@code /proc/PID/status}).
 */
final class SoakProbe {
    /** The unified GC log's line for jcmd's collection: {@code GC(2) Pause Full (Diagnostic Command) 13M->12M(47M) 20.1ms}. */
    private static final Pattern FULL =
            Pattern.compile("Pause Full \\(Diagnostic Command\\) \\d+M->(\\d+)M\\((\\d+)M\\)");

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

    /** Reads process {@code pid}, whose JVM logs GC to {@code gcLog} ({@code -Xlog:gc:file=...}). */
    Reading read(long pid, Path gcLog) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher full = lastFullGc(gcLog);
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        int fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = (int) open.count();
        }
        return new Reading(
                Double.parseDouble(full.group(1)),
                Double.parseDouble(full.group(2)),
                kib(RSS, status, "/proc status") / 1024.0,
                fds,
                (int) kib(THREADS, status, "/proc status"));
    }

    private static Matcher lastFullGc(Path gcLog) throws IOException {
        List<String> lines = Files.readAllLines(gcLog);
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = FULL.matcher(lines.get(i));
            if (m.find()) {
                return m;
            }
        }
        throw new IllegalStateException(gcLog + " has no full collection line after jcmd GC.run");
    }

    /** The first number {@code pattern} finds in {@code text}. */
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
