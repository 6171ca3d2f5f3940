package org.parley.node.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Precedence;

class AckWatchTest {
    private final TestClock clock = TestClock.atEpochOfTests();
    private final AckWatch watch =
            new AckWatch(clock, Map.of(), List.of("duty-officer", "watch-supervisor", "commander"));
    private final EnvelopeId id = EnvelopeId.generate(clock, new SecureRandom());

    @Test
    void tick_beforeHalfDeadline_noEvents() {
        watch.watch(id, Precedence.FLASH, clock.instant());
        clock.advance(Duration.ofMinutes(4));
        assertThat(watch.tick()).isEmpty();
    }

    @Test
    void tick_atHalfOfFlashDeadline_realertsDutyOfficerOnce() {
        watch.watch(id, Precedence.FLASH, clock.instant());
        clock.advance(Duration.ofMinutes(5));
        assertThat(watch.tick()).singleElement().isInstanceOf(AckWatch.Event.Realert.class);
        assertThat(watch.tick()).isEmpty();
    }

    @Test
    void tick_atFlashDeadline_escalatesToSupervisorAsFirstOverdue() {
        watch.watch(id, Precedence.FLASH, clock.instant());
        clock.advance(Duration.ofMinutes(10));
        List<AckWatch.Event> events = watch.tick();
        assertThat(events).hasSize(2);
        AckWatch.Event.Escalated escalated = (AckWatch.Event.Escalated) events.get(1);
        assertThat(escalated.toRole()).isEqualTo("watch-supervisor");
        assertThat(escalated.firstOverdue()).isTrue();
        assertThat(watch.responsibleRole(id)).contains("watch-supervisor");
    }

    @Test
    void tick_pastEndOfChain_staysWithLastRole() {
        watch.watch(id, Precedence.IMMEDIATE, clock.instant());
        clock.advance(Duration.ofHours(5));
        assertThat(watch.tick())
                .filteredOn(e -> e instanceof AckWatch.Event.Escalated)
                .hasSize(2);
        assertThat(watch.responsibleRole(id)).contains("commander");
    }

    @Test
    void acknowledged_beforeDeadline_stopsEscalation() {
        watch.watch(id, Precedence.FLASH, clock.instant());
        assertThat(watch.acknowledged(id)).isTrue();
        clock.advance(Duration.ofMinutes(30));
        assertThat(watch.tick()).isEmpty();
        assertThat(watch.acknowledged(id)).isFalse();
    }

    @Test
    void constructor_customRoutineDeadline_isUsed() {
        AckWatch custom = new AckWatch(clock, Map.of(Precedence.ROUTINE, Duration.ofSeconds(20)), List.of("a", "b"));
        custom.watch(id, Precedence.ROUTINE, clock.instant());
        clock.advance(Duration.ofSeconds(20));
        assertThat(custom.tick()).hasSize(2);
    }

    @Test
    void constructor_emptyChain_isRefused() {
        assertThatThrownBy(() -> new AckWatch(clock, Map.of(), List.of())).hasMessageContaining("chain");
    }
}
