package org.parley.node.messages;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.parley.store.InboxEntry;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Precedence;

/**
 * Watches received envelopes until a person acknowledges them (docs/decisions.md, decision 4): at
 * half the deadline for their precedence it re-alerts the role on watch; at the deadline it
 * escalates to the next role in the chain and reports the envelope as not acknowledged in time;
 * each further deadline period escalates one role more, until the chain ends.
 *
 * <p>It keeps nothing per message (issue 19, item 4: a flood of valid SAFETY messages from the peer
 * must not fill the heap). Every event is a moment fixed by the message's receive time, so each
 * {@link #tick} asks the store, per precedence and moment, for the unacknowledged messages whose
 * moment fell between the previous tick and this one, in pages of {@link #PAGE}. Who is responsible
 * for a message is computed the same way ({@link #responsibleRole}). The first tick after a start
 * looks back one horizon (the longest deadline times the chain's steps), so what fell due while the
 * node was down is reported then, as the earlier in-memory watch re-watched it.
 */
public final class AckWatch {
    /** Rows read per store query. */
    static final int PAGE = 256;
    /** The store is asked at most this often; events may come this much after their moment. */
    static final Duration STEP = Duration.ofSeconds(1);

    private final InstantSource clock;
    private volatile Map<Precedence, Duration> deadlines;
    private final List<String> chain;
    /** Moments up to here were reported; only the ticker thread touches it. */
    private Optional<Instant> checkedUpTo = Optional.empty();

    /** A state change to alert people about and to record. */
    sealed interface Event {
        EnvelopeId id();

        /** Half the deadline has passed without an acknowledgment. */
        record Realert(EnvelopeId id, String role, Instant at) implements Event {}

        /** The deadline (or a further deadline period) passed: the next role is now responsible. */
        record Escalated(EnvelopeId id, String fromRole, String toRole, Instant at, boolean firstOverdue)
                implements Event {}
    }

    /** The store's unacknowledged received messages (the watch's only source: it holds none itself). */
    @FunctionalInterface
    interface Unacknowledged {
        /**
         * Up to {@code limit} unacknowledged messages of {@code precedence} received in ({@code
         * after}, {@code upTo}], oldest first, after {@code resumeAfter} (the last of the previous page).
         */
        List<InboxEntry> page(
                Precedence precedence, Instant after, Instant upTo, Optional<InboxEntry> resumeAfter, int limit);
    }

    public AckWatch(InstantSource clock, Map<Precedence, Duration> deadlines, List<String> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the escalation chain needs at least one role");
        }
        EnumMap<Precedence, Duration> all = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            Duration d = deadlines.getOrDefault(p, p.defaultAckDeadline());
            checkPositive(p, d);
            all.put(p, d);
        }
        this.clock = clock;
        this.deadlines = all;
        this.chain = List.copyOf(chain);
    }

    /** Every role of the chain, as an EMERGENCY alerts them: all at once. */
    String everyRole() {
        return String.join(", ", chain);
    }

    /** The role responsible now for a message of {@code precedence} received at {@code received}. */
    String responsibleRole(Precedence precedence, Instant received) {
        long periods = Math.max(0, Duration.between(received, clock.instant()).dividedBy(deadline(precedence)));
        return chain.get((int) Math.min(periods, chain.size() - 1));
    }

    /** Changes a deadline at run time (an ADMIN action); applies to messages already received too. */
    synchronized void setDeadline(Precedence precedence, Duration deadline) {
        checkPositive(precedence, deadline);
        EnumMap<Precedence, Duration> changed = new EnumMap<>(deadlines);
        changed.put(precedence, deadline);
        deadlines = changed;
    }

    Duration deadline(Precedence precedence) {
        // Every precedence is filled in by the constructor.
        return java.util.Objects.requireNonNull(deadlines.get(precedence));
    }

    /**
     * Hands {@code sink} every event whose moment passed since the previous tick, page by page from
     * {@code source}; for one message its re-alert comes before its escalations. Call from one thread.
     */
    void tick(Unacknowledged source, Consumer<Event> sink) {
        Instant now = clock.instant();
        if (checkedUpTo.isPresent() && Duration.between(checkedUpTo.get(), now).compareTo(STEP) < 0) {
            return;
        }
        Instant from = checkedUpTo.orElse(now.minus(horizon()));
        for (Precedence p : Precedence.values()) {
            Duration d = deadline(p);
            emit(source, p, d.dividedBy(2), from, now, e -> new Event.Realert(e.id(), chain.get(0), now), sink);
            for (int k = 1; k < chain.size(); k++) {
                int to = k;
                emit(
                        source,
                        p,
                        d.multipliedBy(k),
                        from,
                        now,
                        e -> new Event.Escalated(e.id(), chain.get(to - 1), chain.get(to), now, to == 1),
                        sink);
            }
        }
        checkedUpTo = Optional.of(now);
    }

    /** The messages whose moment ({@code received + offset}) is in ({@code from}, {@code now}]. */
    private static void emit(
            Unacknowledged source,
            Precedence precedence,
            Duration offset,
            Instant from,
            Instant now,
            Function<InboxEntry, Event> event,
            Consumer<Event> sink) {
        Optional<InboxEntry> resume = Optional.empty();
        while (true) {
            List<InboxEntry> page = source.page(precedence, from.minus(offset), now.minus(offset), resume, PAGE);
            page.forEach(entry -> sink.accept(event.apply(entry)));
            if (page.size() < PAGE) {
                return;
            }
            resume = Optional.of(page.get(page.size() - 1));
        }
    }

    /** How far back the first tick looks: past it, every moment of a message has passed. */
    private Duration horizon() {
        Duration longest = Duration.ZERO;
        for (Duration d : deadlines.values()) {
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        return longest.multipliedBy(Math.max(1, chain.size() - 1));
    }

    private static void checkPositive(Precedence precedence, Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("ack deadline for " + precedence + " must be positive: " + deadline);
        }
    }
}
