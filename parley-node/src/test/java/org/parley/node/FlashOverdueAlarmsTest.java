package org.parley.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.federation.FlashOverdue;
import org.parley.node.events.Alarm;
import org.parley.testing.TestClock;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

class FlashOverdueAlarmsTest {
    private record Raised(Alarm.Kind kind, String message) {}

    private final TestClock clock = TestClock.atEpochOfTests();
    private final SecureRandom random = new SecureRandom();
    private final List<Raised> raised = new ArrayList<>();
    private final FlashOverdueAlarms alarms = new FlashOverdueAlarms(
            new Party("RED"), clock, Duration.ofMinutes(5), (kind, text) -> raised.add(new Raised(kind, text)));

    private FlashOverdue flash(Duration waited) {
        Instant created = clock.instant().minus(waited);
        return new FlashOverdue(EnvelopeId.generate(clock, random), created, waited, 3, "connect timed out");
    }

    @Test
    void overdue_280FlashInFiveMinutes_raisesOneAlarmThenOneReminder() {
        FlashOverdue first = flash(Duration.ofSeconds(60));
        alarms.overdue(first);
        for (int i = 1; i < 280; i++) {
            clock.advance(Duration.ofSeconds(1));
            alarms.overdue(flash(Duration.ofSeconds(60)));
            alarms.tick();
        }
        assertThat(raised).hasSize(1);
        assertThat(raised.getFirst().kind()).isEqualTo(Alarm.Kind.FLASH_OVERDUE);
        assertThat(raised.getFirst().message()).contains(first.id().toString(), "RED", "connect timed out");

        clock.advance(Duration.ofSeconds(21)); // 300 s after the first alarm
        alarms.tick();
        assertThat(raised).hasSize(2);
        assertThat(raised.get(1).message())
                .startsWith("280 FLASH to RED have no receipt (280 overdue since")
                .contains("the oldest, " + first.id());
    }

    @Test
    void tick_nothingChanged_raisesNoReminder() {
        alarms.overdue(flash(Duration.ofSeconds(60)));
        clock.advance(Duration.ofHours(1));
        alarms.tick();
        assertThat(raised).hasSize(1);
    }

    @Test
    void tick_changedBeforeInterval_waitsForInterval() {
        alarms.overdue(flash(Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(10));
        alarms.overdue(flash(Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(289));
        alarms.tick();
        assertThat(raised).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        alarms.tick();
        assertThat(raised).extracting(Raised::message).last().asString().startsWith("2 FLASH to RED");
    }

    @Test
    void receipted_lastOverdueFlash_closesOutageWithSummary() {
        FlashOverdue a = flash(Duration.ofSeconds(60));
        FlashOverdue b = flash(Duration.ofSeconds(61));
        alarms.overdue(a);
        alarms.overdue(b);
        clock.advance(Duration.ofSeconds(42));
        alarms.receipted(a.id());
        assertThat(raised).hasSize(1);
        alarms.receipted(b.id());
        assertThat(raised).hasSize(2);
        assertThat(raised.get(1).kind()).isEqualTo(Alarm.Kind.FLASH_RECEIPTED);
        assertThat(raised.get(1).message())
                .startsWith("all 2 FLASH overdue since")
                .endsWith("lasted 42 s");
    }

    @Test
    void overdue_afterOutageClosed_opensNewOutageWithAlarm() {
        FlashOverdue a = flash(Duration.ofSeconds(60));
        alarms.overdue(a);
        alarms.receipted(a.id());
        FlashOverdue b = flash(Duration.ofSeconds(60));
        alarms.overdue(b);
        assertThat(raised)
                .extracting(Raised::kind)
                .containsExactly(Alarm.Kind.FLASH_OVERDUE, Alarm.Kind.FLASH_RECEIPTED, Alarm.Kind.FLASH_OVERDUE);
        assertThat(raised.get(2).message()).contains(b.id().toString());
    }

    @Test
    void receipted_flashNeverOverdue_raisesNothing() {
        alarms.receipted(EnvelopeId.generate(clock, random));
        alarms.overdue(flash(Duration.ofSeconds(60)));
        alarms.receipted(EnvelopeId.generate(clock, random));
        assertThat(raised).hasSize(1);
    }

    @Test
    void constructor_zeroInterval_refused() {
        assertThatThrownBy(() -> new FlashOverdueAlarms(new Party("RED"), clock, Duration.ZERO, (k, m) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("remindEvery");
    }
}
