package org.parley.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatchSettingsTest {
    private static final Instant FIRST = Instant.parse("2026-03-01T00:00:03.250Z");
    private static final WatchSettings REPLAY =
            WatchSettings.defaults().withOrigin(FIRST).withEnd(FIRST.plusSeconds(60));
    private static final long T0 = FIRST.toEpochMilli();

    @Test
    void isSweep_everyTenSecondsAfterTheFirstReport_notAtOrPastTheEnd() {
        assertThat(REPLAY.isSweep(T0)).isFalse();
        assertThat(REPLAY.isSweep(T0 + 10_000)).isTrue();
        assertThat(REPLAY.isSweep(T0 + 10_001)).isFalse();
        assertThat(REPLAY.isSweep(T0 + 50_000)).isTrue();
        assertThat(REPLAY.isSweep(T0 + 60_000))
                .as("the replay's end closes, it does not sweep")
                .isFalse();
    }

    @Test
    void sweepAtOrAfter_andBefore_bracketAnInstant() {
        assertThat(REPLAY.sweepAtOrAfter(T0)).isEqualTo(T0 + 10_000);
        assertThat(REPLAY.sweepAtOrAfter(T0 + 10_000)).isEqualTo(T0 + 10_000);
        assertThat(REPLAY.sweepAtOrAfter(T0 + 10_001)).isEqualTo(T0 + 20_000);
        assertThat(REPLAY.sweepBefore(T0 + 10_000))
                .as("no sweep before the first")
                .isEqualTo(Long.MIN_VALUE);
        assertThat(REPLAY.sweepBefore(T0 + 10_001)).isEqualTo(T0 + 10_000);
        assertThat(REPLAY.sweepBefore(T0 + 30_000)).isEqualTo(T0 + 20_000);
    }

    @Test
    void defaults_sweepOnTheTenSecondsOfUtc_unbounded() {
        WatchSettings running = WatchSettings.defaults();
        assertThat(running.isSweep(Instant.parse("2026-03-01T00:00:10Z").toEpochMilli()))
                .isTrue();
        assertThat(running.isSweep(Instant.parse("2026-03-01T00:00:15Z").toEpochMilli()))
                .isFalse();
        assertThat(running.bounded()).isFalse();
    }

    @Test
    void config_readsPartiesText_asTheNodeReadsTheFile() {
        WatchSettings s = WatchSettings.defaults().withParties("parties: {BLUE: [US], RED: [CN]}\n");
        assertThat(s.config().parties().partyOfState())
                .containsEntry("US", "BLUE")
                .containsEntry("CN", "RED");
    }

    @Test
    void constructor_nonPositiveSweep_refused() {
        assertThatThrownBy(() -> new WatchSettings("", "", 0, 0, 0, WatchSettings.UNBOUNDED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("everyMillis");
    }

    @Test
    void lowestShared_onlyTheLowestCommonCubeOffersThePair() {
        long[] a = {-9, 3, 5, 8};
        long[] b = {-9, 5, 8};
        assertThat(Messages.lowestShared(a, b, -9)).isTrue();
        assertThat(Messages.lowestShared(a, b, 5)).isFalse();
        assertThat(Messages.lowestShared(new long[] {1, 2}, new long[] {3}, 1)).isFalse();
    }

    @Test
    void seq_ordersByOffsetThenPartitionThenTopic() {
        assertThat(Feeds.seq(5, 0, 1)).isLessThan(Feeds.seq(5, 1, 0));
        assertThat(Feeds.seq(5, 1, 1)).isLessThan(Feeds.seq(6, 0, 0));
    }
}
