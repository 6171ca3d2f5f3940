package org.parley.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;

class EnvelopeIdTest {

    @Test
    void generate_anyClock_isVersion7Variant2WithTheClockMillisecond() {
        TestClock clock = new TestClock(Instant.parse("2026-05-01T00:00:00.042Z"));

        EnvelopeId id = EnvelopeId.generate(clock, new SecureRandom());

        assertThat(id.uuid().version()).isEqualTo(7);
        assertThat(id.uuid().variant()).isEqualTo(2); // RFC 9562 section 4.1: variant bits 10
        assertThat(id.timestamp()).isEqualTo(Instant.parse("2026-05-01T00:00:00.042Z"));
    }

    @Test
    void compareTo_idsFromLaterMilliseconds_sortLater() {
        TestClock clock = new TestClock(Instant.parse("2026-05-01T00:00:00Z"));
        SecureRandom random = new SecureRandom();
        EnvelopeId first = EnvelopeId.generate(clock, random);
        clock.advance(Duration.ofMillis(1));
        EnvelopeId second = EnvelopeId.generate(clock, random);

        assertThat(first).isLessThan(second);
    }

    @Test
    void parse_upperCase_isRefused() {
        assertThatThrownBy(() -> EnvelopeId.parse("0192F0E2-0000-7000-8000-000000000000"))
                .hasMessageContaining("lower-case");
    }

    @Test
    void channelNotice_safety_cannotBeSuspended() {
        assertThatThrownBy(() -> new Payload.ChannelNotice(
                        Payload.ChannelNotice.Action.SUSPEND, java.util.Set.of(Category.SAFETY), "talks paused"))
                .hasMessageContaining("SAFETY cannot be suspended");
    }
}
