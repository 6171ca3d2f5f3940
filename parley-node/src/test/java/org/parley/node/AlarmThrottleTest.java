package org.parley.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.node.events.Alarm;
import org.parley.testing.TestClock;

class AlarmThrottleTest {
    private record Raised(Alarm.Kind kind, String message) {}

    private final TestClock clock = TestClock.atEpochOfTests();
    private final List<Raised> raised = new ArrayList<>();
    private final AlarmThrottle throttle = new AlarmThrottle(clock, (kind, text) -> raised.add(new Raised(kind, text)));

    @Test
    void raise_635RefusalsInAMinute_oneAlarmThenOneSummaryWithTheCount() {
        for (int i = 0; i < 635; i++) {
            throttle.raise(Alarm.Kind.REFUSED, Duration.ofMinutes(1), "batch " + i + " refused");
            throttle.tick();
            clock.advance(Duration.ofMillis(90));
        }
        clock.advance(Duration.ofMinutes(1));
        throttle.tick();

        assertThat(raised).extracting(Raised::kind).containsExactly(Alarm.Kind.REFUSED, Alarm.Kind.REFUSED);
        assertThat(raised.get(0).message()).isEqualTo("batch 0 refused");
        // 635 over 57 s: all but the first held back, the latest named in the summary.
        assertThat(raised.get(1).message()).startsWith("634 more since ").endsWith("the latest: batch 634 refused");
    }

    @Test
    void raise_afterTheWindowPassedQuietly_raisedAgainAtOnce() {
        throttle.raise(Alarm.Kind.PEER_CLOCK_AHEAD, Duration.ofMinutes(10), "ahead 1");
        clock.advance(Duration.ofMinutes(10));
        throttle.tick();
        throttle.raise(Alarm.Kind.PEER_CLOCK_AHEAD, Duration.ofMinutes(10), "ahead 2");

        assertThat(raised).extracting(Raised::message).containsExactly("ahead 1", "ahead 2");
    }

    @Test
    void raise_twoKinds_eachHasItsOwnWindow() {
        throttle.raise(Alarm.Kind.REFUSED, Duration.ofMinutes(1), "refused");
        throttle.raise(Alarm.Kind.PEER_CLOCK_AHEAD, Duration.ofMinutes(10), "ahead");
        throttle.raise(Alarm.Kind.REFUSED, Duration.ofMinutes(1), "refused again");
        clock.advance(Duration.ofMinutes(1));
        throttle.tick();

        assertThat(raised)
                .extracting(Raised::kind)
                .containsExactly(Alarm.Kind.REFUSED, Alarm.Kind.PEER_CLOCK_AHEAD, Alarm.Kind.REFUSED);
    }

    @Test
    void raise_zeroWindow_refused() {
        assertThatThrownBy(() -> throttle.raise(Alarm.Kind.REFUSED, Duration.ZERO, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every must be positive");
    }
}
