package org.parley.cli;

import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.assertj.core.api.SoftAssertions;

/**
 * SoakIT's growth bounds, per node: the first sixth of the run (after a warm-up of two minutes or a
 * tenth of the run, whichever is shorter) is the baseline, the last sixth is compared with it
 * (minutes 2-10 and 50-60 of the hour). docs/soak.md says why each bound is what it is.
 */
final class SoakBounds {
    /**
     * Heap after a full GC: the last sixth's median at most this far above the baseline's median,
     * besides what the ledger's in-memory Merkle tree gained meanwhile. Set for G1, whose
     * stop-the-world full collection leaves the live set; kept for generational ZGC (the soak's
     * collector since it is the launcher's, decision 17), whose reading is coarser but does not
     * grow with time: ZGC counts used heap in whole pages (2 MiB small pages, medium pages of 2-8 MiB
     * at -Xmx384m, as {@code -Xlog:gc+init} reports on JDK 25), and its collection is concurrent, so
     * what the node allocated while it ran and pages left uncompacted under the limits
     * (ZFragmentationLimit 5 % garbage in the old generation, ZYoungCompactionLimit 25 % in the
     * young) are in the figure too. That raises each sample by a few MiB and scatters it by a page
     * or two (32-44 MiB around a median of 40 in the 10-minute check of 2026-12-06, docs/soak.md),
     * which the medians and these 16 MiB absorb.
     */
    static final double HEAP_GROWTH_MIB = 16;
    /**
     * What the in-memory Merkle tree holds per leaf by design: every level's 32-byte hashes, about
     * two per leaf (parley-ledger HashColumn).
     */
    static final double LEDGER_BYTES_PER_LEAF = 64;
    /** Open file descriptors: never more than this above the baseline's highest. */
    static final int FD_GROWTH = 16;
    /**
     * Threads: never more than this above the baseline's highest. Under ZGC the JVM starts GC worker
     * threads on demand (-Xlog:gc+init: "GC Workers Max: 1 (dynamic)" on this 2-core machine), one
     * or two more at most, inside this room.
     */
    static final int THREAD_GROWTH = 8;
    /** Delivery p99: the last sixth's median at most this factor of the baseline's, plus the slack below. */
    static final double P99_FACTOR = 2.0;

    static final double P99_SLACK_MS = 100;

    private SoakBounds() {}

    static void check(List<SoakIT.Sample> samples, Duration length, SoftAssertions softly) {
        double t = length.toSeconds();
        double warm = Math.min(120, t / 10);
        for (String node : List.of("BLUE", "RED")) {
            List<SoakIT.Sample> mine =
                    samples.stream().filter(s -> s.node().equals(node)).toList();
            List<SoakIT.Sample> after =
                    mine.stream().filter(s -> s.tSeconds() > warm).toList();
            List<SoakIT.Sample> base =
                    after.stream().filter(s -> s.tSeconds() <= t / 6).toList();
            List<SoakIT.Sample> last =
                    mine.stream().filter(s -> s.tSeconds() > t - t / 6).toList();
            softly.assertThat(base).as("%s baseline samples", node).isNotEmpty();
            softly.assertThat(last).as("%s final samples", node).isNotEmpty();
            heap(node, base, last, softly);
            softly.assertThat(max(after, s -> s.reading().fds()))
                    .as("%s open file descriptors", node)
                    .isLessThanOrEqualTo(max(base, s -> s.reading().fds()) + FD_GROWTH);
            softly.assertThat(max(after, s -> s.reading().threads()))
                    .as("%s threads", node)
                    .isLessThanOrEqualTo(max(base, s -> s.reading().threads()) + THREAD_GROWTH);
            double p99Base = median(base, SoakIT.Sample::p99);
            double p99Last = median(last, SoakIT.Sample::p99);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "SOAK | %s delivery p99 %.1f -> %.1f ms (median of windows)%n",
                    node,
                    p99Base,
                    p99Last);
            softly.assertThat(p99Last)
                    .as("%s delivery p99, last sixth vs first", node)
                    .isLessThanOrEqualTo(P99_FACTOR * p99Base + P99_SLACK_MS);
        }
    }

    private static void heap(String node, List<SoakIT.Sample> base, List<SoakIT.Sample> last, SoftAssertions softly) {
        double heapBase = median(base, s -> s.reading().heapAfterGcMib());
        double heapLast = median(last, s -> s.reading().heapAfterGcMib());
        double leaves = median(last, s -> s.treeSize()) - median(base, s -> s.treeSize());
        double ledgerMib = Math.max(0, leaves) * LEDGER_BYTES_PER_LEAF / (1 << 20);
        System.out.printf(
                java.util.Locale.ROOT,
                "SOAK | %s heap after GC %.1f -> %.1f MiB (median, first vs last sixth); ledger +%.0f leaves, %.1f MiB%n",
                node,
                heapBase,
                heapLast,
                leaves,
                ledgerMib);
        softly.assertThat(heapLast)
                .as("%s heap after GC, last sixth's median vs first's (ledger tree +%.1f MiB)", node, ledgerMib)
                .isLessThanOrEqualTo(heapBase + ledgerMib + HEAP_GROWTH_MIB);
    }

    private static double median(List<SoakIT.Sample> samples, ToDoubleFunction<SoakIT.Sample> f) {
        double[] v = samples.stream()
                .mapToDouble(f)
                .filter(d -> !Double.isNaN(d))
                .sorted()
                .toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    private static double max(List<SoakIT.Sample> samples, ToDoubleFunction<SoakIT.Sample> f) {
        return samples.stream().mapToDouble(f).max().orElse(0);
    }
}
