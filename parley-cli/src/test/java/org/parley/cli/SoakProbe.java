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
 * ({@code /proc/PID/fd}), threads and resident memory ({@code /proc/PID/status}). Reads a node on
 * G1 (the JVM's default) or on generational ZGC (the {@code parley} launcher's, decision 17).
 */
final class SoakProbe {
    /**
     * G1's unified-log ({@code -Xlog:gc}) line for jcmd's collection, a stop-the-world full GC:
     * {@code GC(3) Pause Full (Diagnostic Command) 106M->81M(277M) 5.298ms}, used before and after,
     * and the committed heap after it in parentheses.
     */
    private static final Pattern G1_FULL =
            Pattern.compile("Pause Full \\(Diagnostic Command\\) \\d+M->(\\d+)M\\((\\d+)M\\)");

    /**
     * Generational ZGC's line for it, a concurrent major (young and old) collection: {@code GC(6)
     * Major Collection (Diagnostic Command) 216M(56%)->84M(22%) 0.004s}, used at its start and at
     * its end; the percentages are of the maximum heap (-Xmx), not of the committed heap, so the
     * line does not say what is committed. ZGC also logs a line with no figures when the collection
     * starts; the pattern skips it.
     */
    private static final Pattern ZGC_MAJOR =
            Pattern.compile("Major Collection \\(Diagnostic Command\\) \\d+M\\(\\d+%\\)->(\\d+)M\\(\\d+%\\)");

    /**
     * ZGC's committed heap, from {@code jcmd PID GC.heap_info}: {@code ZHeap used 84M, capacity 378M,
     * max capacity 384M}; capacity is what ZGC has committed (used plus its cache of free committed
     * pages), max capacity is -Xmx.
     */
    private static final Pattern ZGC_CAPACITY =
            Pattern.compile("ZHeap\\s+used \\d+M, capacity (\\d+)M, max capacity \\d+M");

    /** jcmd's commands, one attach: the full collection, then the heap's state right after it. */
    private static final String JCMD_COMMANDS = "GC.run\nGC.heap_info\n";

    private static final Pattern THREADS = Pattern.compile("(?m)^Threads:\\s+(\\d+)");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

    /** The heap after jcmd's collection and the heap committed then, in MiB. */
    record HeapAfterGc(double usedMib, double committedMib) {
        HeapAfterGc {
            // Not checked against each other: ZGC's committed size is read a moment after the collection.
            if (usedMib < 0 || committedMib < 0) {
                throw new IllegalArgumentException(
                        "heap sizes must be >= 0: " + usedMib + " MiB used, " + committedMib + " MiB committed");
            }
        }
    }

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
        Path commands = gcLog.resolveSibling(gcLog.getFileName() + ".jcmd");
        Files.writeString(commands, JCMD_COMMANDS);
        String heapInfo = jcmd(pid, "-f", commands.toString());
        HeapAfterGc heap = heapAfterGc(Files.readAllLines(gcLog), heapInfo);
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        int fds;
        try (Stream<Path> open = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = (int) open.count();
        }
        return new Reading(heap.usedMib(), heap.committedMib(), number(RSS, status, "/proc status") / 1024.0, fds, (int)
                number(THREADS, status, "/proc status"));
    }

    /**
     * The heap after the last collection jcmd asked for in {@code gcLog}, G1's or ZGC's; for ZGC the
     * committed heap comes from {@code heapInfo} ({@code GC.heap_info}, run in the same attach right
     * after the collection: the committed size moves slowly, unlike the used size).
     */
    static HeapAfterGc heapAfterGc(List<String> gcLog, String heapInfo) {
        for (int i = gcLog.size() - 1; i >= 0; i--) {
            Matcher g1 = G1_FULL.matcher(gcLog.get(i));
            if (g1.find()) {
                return new HeapAfterGc(Double.parseDouble(g1.group(1)), Double.parseDouble(g1.group(2)));
            }
            Matcher zgc = ZGC_MAJOR.matcher(gcLog.get(i));
            if (zgc.find()) {
                return new HeapAfterGc(
                        Double.parseDouble(zgc.group(1)), number(ZGC_CAPACITY, heapInfo, "jcmd GC.heap_info"));
            }
        }
        throw new IllegalStateException("the GC log has no line for jcmd's collection (G1 \"Pause Full (Diagnostic"
                + " Command)\" or ZGC \"Major Collection (Diagnostic Command)\"); is it written with -Xlog:gc?");
    }

    /** The first number {@code pattern} finds in {@code text}. */
    private static long number(Pattern pattern, String text, String source) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(source + " has no " + pattern + ":\n" + text);
        }
        return Long.parseLong(m.group(1));
    }

    private String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("jcmd " + pid + " " + String.join(" ", command) + " failed:\n" + out);
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
