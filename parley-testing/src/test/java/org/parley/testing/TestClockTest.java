package org.parley.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestClockTest {
    @Test
    void advance_positiveStep_movesInstant() {
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        clock.advance(Duration.ofSeconds(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
    }

    @Test
    void advance_negativeStep_isRefused() {
        TestClock clock = TestClock.atEpochOfTests();
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }
}
