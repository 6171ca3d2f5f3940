package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;

class LinkMonitorTest {
    private final TestClock clock = TestClock.atEpochOfTests();
    private final List<LinkEvent> events = new ArrayList<>();
    private final LinkMonitor monitor = new LinkMonitor(clock, Duration.ofSeconds(30), 3, events::add);

    private void missOne(String nonce) {
        monitor.sent(nonce, clock.instant());
        clock.advance(Duration.ofSeconds(31));
        monitor.expireOverdue();
    }

    @Test
    void answered_afterRoundTrip_recordsRttAndOffset() {
        Instant sentAt = clock.instant();
        monitor.sent("n1", sentAt);
        clock.advance(Duration.ofMillis(200));
        // The peer's clock reads 5 s ahead at the midpoint of the exchange.
        monitor.answered("n1", sentAt.plusMillis(100).plusSeconds(5));
        LinkStatus status = monitor.status();
        assertThat(status.lastRoundTrip()).contains(Duration.ofMillis(200));
        assertThat(status.peerClockOffset()).contains(Duration.ofSeconds(5));
        assertThat(status.answered()).isEqualTo(1);
    }

    @Test
    void answered_peerClockOneHourBehind_reportsHowFarBehind() {
        Instant sentAt = clock.instant();
        monitor.sent("n1", sentAt);
        clock.advance(Duration.ofMillis(200));
        // The peer stored the test at the midpoint of the exchange by its clock, which reads 1 h less.
        monitor.answered("n1", sentAt.plusMillis(100).minus(Duration.ofHours(1)));

        assertThat(events).singleElement().isInstanceOf(LinkEvent.PeerClockBehind.class);
        assertThat(((LinkEvent.PeerClockBehind) events.get(0)).behind()).isEqualTo(Duration.ofHours(1));
        assertThat(monitor.status().alarm()).isFalse();
    }

    @Test
    void answered_peerClockBehindByTheBoundOrAhead_reportsNothing() {
        Instant sentAt = clock.instant();
        monitor.sent("at-bound", sentAt);
        monitor.answered("at-bound", sentAt.minus(LinkMonitor.CLOCK_BEHIND_NOTICE));
        monitor.sent("ahead", clock.instant());
        monitor.answered("ahead", clock.instant().plus(Duration.ofHours(1)));

        assertThat(LinkMonitor.CLOCK_BEHIND_NOTICE).isEqualTo(Duration.ofMinutes(5));
        assertThat(events).isEmpty();
        assertThat(monitor.status().answered()).isEqualTo(2);
    }

    @Test
    void expireOverdue_twoMisses_noAlarmYet() {
        missOne("a");
        missOne("b");
        assertThat(monitor.status().consecutiveMisses()).isEqualTo(2);
        assertThat(monitor.status().alarm()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void expireOverdue_thirdMiss_raisesAlarmOnce() {
        missOne("a");
        missOne("b");
        missOne("c");
        missOne("d");
        assertThat(monitor.status().alarm()).isTrue();
        assertThat(events).hasSize(1).first().isInstanceOf(LinkEvent.AlarmRaised.class);
        assertThat(((LinkEvent.AlarmRaised) events.get(0)).consecutiveMisses()).isEqualTo(3);
    }

    @Test
    void answered_afterAlarm_clearsIt() {
        missOne("a");
        missOne("b");
        missOne("c");
        monitor.sent("d", clock.instant());
        clock.advance(Duration.ofSeconds(1));
        assertThat(monitor.answered("d", clock.instant())).isTrue();
        assertThat(monitor.status().alarm()).isFalse();
        assertThat(monitor.status().consecutiveMisses()).isZero();
        assertThat(events).hasSize(2).last().isInstanceOf(LinkEvent.AlarmCleared.class);
    }

    @Test
    void answered_lateAnswerAlreadyCountedAsMiss_isIgnored() {
        missOne("a");
        assertThat(monitor.answered("a", clock.instant())).isFalse();
        assertThat(monitor.status().consecutiveMisses()).isEqualTo(1);
    }

    @Test
    void constructor_zeroMisses_isRefused() {
        assertThatThrownBy(() -> new LinkMonitor(clock, Duration.ofSeconds(1), 0, e -> {}))
                .hasMessageContaining("missesForAlarm");
    }
}
