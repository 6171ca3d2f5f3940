package org.parley.node.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.store.InboxEntry;
import org.parley.testing.TestClock;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Precedence;

/**
 * The watch over an in-memory stand-in for the store's unacknowledged query (the real query runs in
 * {@code AckWatchFloodIT}): moments, order of events, the chain's end, and paging.
 */
class AckWatchTest {
    @TempDir
    static Path keys;

    @SuppressWarnings("NullAway.Init") // set in @BeforeAll
    static TwoParties parties;

    private final TestClock clock = TestClock.atEpochOfTests();
    private final AckWatch watch =
            new AckWatch(clock, Map.of(), List.of("duty-officer", "watch-supervisor", "commander"));
    /** The "store": received, unacknowledged messages; an acknowledged one is removed. */
    private final List<InboxEntry> unacknowledged = new ArrayList<>();

    @BeforeAll
    static void parties() {
        parties = TwoParties.create(keys, TestClock.atEpochOfTests().instant());
    }

    private InboxEntry receive(Precedence precedence) {
        VerifiedEnvelope v = parties.fromRed(clock, precedence, Category.SAFETY, "watch me");
        InboxEntry entry = new InboxEntry(
                v.envelope().from(),
                v.envelope().id(),
                precedence,
                Category.SAFETY,
                v.envelope().created(),
                clock.instant(),
                v.signed(),
                v.signed().sha256Hex());
        unacknowledged.add(entry);
        return entry;
    }

    /** What the store answers: the same window, order and resume rule as the SQL. */
    private List<InboxEntry> page(Precedence p, Instant after, Instant upTo, Optional<InboxEntry> resume, int limit) {
        Comparator<InboxEntry> order = Comparator.comparing(InboxEntry::received)
                .thenComparing(e -> e.from().name())
                .thenComparing(e -> e.id().toString());
        return unacknowledged.stream()
                .filter(e -> e.precedence() == p
                        && e.received().isAfter(after)
                        && !e.received().isAfter(upTo))
                .filter(e -> resume.isEmpty() || order.compare(e, resume.get()) > 0)
                .sorted(order)
                .limit(limit)
                .toList();
    }

    private List<AckWatch.Event> tick() {
        List<AckWatch.Event> events = new ArrayList<>();
        watch.tick(this::page, events::add);
        return events;
    }

    @Test
    void tick_beforeHalfDeadline_noEvents() {
        receive(Precedence.FLASH);
        clock.advance(Duration.ofMinutes(4));
        assertThat(tick()).isEmpty();
    }

    @Test
    void tick_atHalfOfFlashDeadline_realertsDutyOfficerOnce() {
        receive(Precedence.FLASH);
        clock.advance(Duration.ofMinutes(5));
        assertThat(tick()).singleElement().isInstanceOf(AckWatch.Event.Realert.class);
        clock.advance(Duration.ofSeconds(2));
        assertThat(tick()).isEmpty();
    }

    @Test
    void tick_atFlashDeadline_escalatesToSupervisorAsFirstOverdue() {
        InboxEntry flash = receive(Precedence.FLASH);
        clock.advance(Duration.ofMinutes(10));
        List<AckWatch.Event> events = tick();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(AckWatch.Event.Realert.class);
        AckWatch.Event.Escalated escalated = (AckWatch.Event.Escalated) events.get(1);
        assertThat(escalated.toRole()).isEqualTo("watch-supervisor");
        assertThat(escalated.firstOverdue()).isTrue();
        assertThat(watch.responsibleRole(Precedence.FLASH, flash.received())).isEqualTo("watch-supervisor");
    }

    @Test
    void tick_stepByStep_eachMomentReportedOnce() {
        receive(Precedence.FLASH);
        List<AckWatch.Event> all = new ArrayList<>();
        for (int s = 0; s < 40 * 60; s += 7) {
            clock.advance(Duration.ofSeconds(7));
            all.addAll(tick());
        }
        assertThat(all)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Realert", "Escalated", "Escalated");
    }

    @Test
    void tick_pastEndOfChain_staysWithLastRole() {
        InboxEntry immediate = receive(Precedence.IMMEDIATE);
        clock.advance(Duration.ofHours(5));
        assertThat(tick())
                .filteredOn(e -> e instanceof AckWatch.Event.Escalated)
                .hasSize(2);
        assertThat(watch.responsibleRole(Precedence.IMMEDIATE, immediate.received()))
                .isEqualTo("commander");
    }

    @Test
    void tick_acknowledgedBeforeDeadline_noEvents() {
        receive(Precedence.FLASH);
        unacknowledged.clear(); // acknowledged: the store's anti-join no longer returns it
        clock.advance(Duration.ofMinutes(30));
        assertThat(tick()).isEmpty();
    }

    @Test
    void tick_morePendingThanAPage_everyOneReportedOnce() {
        Set<EnvelopeId> ids = new HashSet<>();
        for (int i = 0; i < AckWatch.PAGE * 2 + 3; i++) {
            ids.add(receive(Precedence.PRIORITY).id());
        }
        clock.advance(Duration.ofMinutes(90));
        List<AckWatch.Event> events = tick();
        assertThat(events).hasSize(ids.size());
        assertThat(events).extracting(AckWatch.Event::id).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void constructor_customRoutineDeadline_isUsed() {
        AckWatch custom = new AckWatch(clock, Map.of(Precedence.ROUTINE, Duration.ofSeconds(20)), List.of("a", "b"));
        receive(Precedence.ROUTINE);
        clock.advance(Duration.ofSeconds(20));
        List<AckWatch.Event> events = new ArrayList<>();
        custom.tick(this::page, events::add);
        assertThat(events).hasSize(2);
    }

    @Test
    void constructor_emptyChain_isRefused() {
        assertThatThrownBy(() -> new AckWatch(clock, Map.of(), List.of())).hasMessageContaining("chain");
    }
}
