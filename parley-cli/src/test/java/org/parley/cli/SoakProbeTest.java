package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SoakProbe's reading of the heap after jcmd's collection. The golden lines are real output, captured
 * 2026-12-06 on this build machine's JDK (Temurin 25.0.3+9) from a JVM holding 80 MiB in arrays while
 * allocating, run with {@code -Xmx384m -Xlog:gc:file=...} and {@code -XX:+UseZGC} or
 * {@code -XX:+UseG1GC}, then {@code jcmd PID -f FILE} with {@code GC.run} and {@code GC.heap_info}
 * (as SoakProbe calls it).
 */
class SoakProbeTest {
    private static final List<String> G1_LOG = List.of(
            "[0.002s][info][gc] Using G1",
            "[0.077s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 99M->81M(380M) 4.561ms",
            "[0.148s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 218M->81M(380M) 1.077ms",
            "[0.216s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 306M->81M(380M) 0.875ms",
            "[3.283s][info][gc] GC(3) Pause Full (Diagnostic Command) 106M->81M(277M) 5.298ms");

    private static final String G1_HEAP_INFO = """
            10802:
            Command executed successfully
            garbage-first heap   total reserved 393216K, committed 283648K, used 83677K \
            [0x00000000e8000000, 0x0000000100000000)
             region size 1024K, 1 young (1024K), 0 survivors (0K)
            """;

    private static final List<String> ZGC_LOG = List.of(
            "[0.039s][info][gc] Using The Z Garbage Collector",
            "[0.083s][info][gc] GC(0) Major Collection (Warmup)",
            "[0.089s][info][gc] GC(0) Major Collection (Warmup) 42M(11%)->58M(15%) 0.006s",
            "[0.227s][info][gc] GC(5) Minor Collection (Allocation Rate)",
            "[0.229s][info][gc] GC(5) Minor Collection (Allocation Rate) 242M(63%)->92M(24%) 0.002s",
            "[3.283s][info][gc] GC(6) Major Collection (Diagnostic Command)",
            "[3.287s][info][gc] GC(6) Major Collection (Diagnostic Command) 216M(56%)->84M(22%) 0.004s");

    private static final String ZGC_HEAP_INFO = """
            10715:
            Command executed successfully
            ZHeap            used 84M, capacity 378M, max capacity 384M
             Cache           294M (2)
              size classes   2M (1), 256M (1)
            """;

    @Test
    void heapAfterGc_g1FullCollection_readsUsedAndCommittedFromTheLogLine() {
        SoakProbe.HeapAfterGc heap = SoakProbe.heapAfterGc(G1_LOG, G1_HEAP_INFO);

        assertThat(heap).isEqualTo(new SoakProbe.HeapAfterGc(81, 277));
    }

    @Test
    void heapAfterGc_zgcMajorCollection_readsUsedFromTheLineAndCommittedFromHeapInfo() {
        SoakProbe.HeapAfterGc heap = SoakProbe.heapAfterGc(ZGC_LOG, ZGC_HEAP_INFO);

        assertThat(heap).isEqualTo(new SoakProbe.HeapAfterGc(84, 378));
    }

    @Test
    void heapAfterGc_zgcNextCollectionOnlyStarted_readsTheLastFinishedOne() {
        // From a second capture: GC(5) finished, GC(6) (another jcmd GC.run) logged its start only.
        List<String> log = List.of(
                "[3.206s][info][gc] GC(5) Major Collection (Diagnostic Command)",
                "[3.211s][info][gc] GC(5) Major Collection (Diagnostic Command) 88M(23%)->84M(22%) 0.006s",
                "[4.434s][info][gc] GC(6) Major Collection (Diagnostic Command)");

        assertThat(SoakProbe.heapAfterGc(log, ZGC_HEAP_INFO).usedMib()).isEqualTo(84);
    }

    @Test
    void heapAfterGc_zgcLineOfANodeInTheSoak_readsItsUsedHeap() {
        // BLUE's last line in SoakIT's 10-minute run of 2026-12-06 (docs/soak.md), launcher flags.
        List<String> log = List.of(
                "[604.681s][info][gc] GC(180) Major Collection (Diagnostic Command)",
                "[604.740s][info][gc] GC(180) Major Collection (Diagnostic Command) 94M(24%)->40M(10%) 0.059s");

        assertThat(SoakProbe.heapAfterGc(log, ZGC_HEAP_INFO).usedMib()).isEqualTo(40);
    }

    @Test
    void heapAfterGc_noDiagnosticCollection_throwsNamingBothCollectorsLines() {
        List<String> log = ZGC_LOG.subList(0, ZGC_LOG.size() - 2);

        assertThatThrownBy(() -> SoakProbe.heapAfterGc(log, ZGC_HEAP_INFO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Pause Full (Diagnostic Command)")
                .hasMessageContaining("Major Collection (Diagnostic Command)");
    }

    @Test
    void heapAfterGc_zgcWithoutZgcHeapInfo_throwsNamingHeapInfo() {
        assertThatThrownBy(() -> SoakProbe.heapAfterGc(ZGC_LOG, G1_HEAP_INFO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jcmd GC.heap_info");
    }
}
