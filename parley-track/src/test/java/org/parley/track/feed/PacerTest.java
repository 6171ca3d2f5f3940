package org.parley.track.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacerTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void await_fileTimesAtSpeed10_holdsTenthOfTheirSpan() throws Exception {
        Pacer pacer = new Pacer(10, Duration.ofMillis(100));
        long t0 = System.nanoTime();
        pacer.await(T);
        pacer.await(T.plusMillis(500));
        pacer.await(T.plusMillis(1_000));
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(tookMillis).isBetween(95L, 2_000L);
    }

    @Test
    void await_timeGoingBack_notHeld() throws Exception {
        Pacer pacer = new Pacer(1, Duration.ofMillis(100));
        pacer.await(T.plusSeconds(60));
        long t0 = System.nanoTime();
        pacer.await(T);
        pacer.await(T.plusSeconds(30));

        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_000L);
    }

    @Test
    void awaitStep_untimed_returnsFileTimeAndHoldsStepOverSpeed() throws Exception {
        Pacer pacer = new Pacer(4, Duration.ofMillis(100));
        long t0 = System.nanoTime();
        long[] fileNanos = {pacer.awaitStep(), pacer.awaitStep(), pacer.awaitStep()};
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(fileNanos).containsExactly(0, 100_000_000, 200_000_000);
        assertThat(tookMillis).isBetween(45L, 2_000L); // 200 ms of file time at 4x: 50 ms
    }

    @Test
    void await_interrupted_throwsInterruptedIo() {
        Pacer pacer = new Pacer(1, Duration.ofMillis(100));
        Thread.currentThread().interrupt();
        try {
            pacer.await(T);
            pacer.await(T.plusSeconds(10));
            throw new AssertionError("not interrupted");
        } catch (java.io.InterruptedIOException expected) {
            assertThat(Thread.interrupted()).isTrue();
        }
    }
}
