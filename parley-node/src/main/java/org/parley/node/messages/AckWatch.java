package org.parley.node.messages;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Precedence;

/**
 * Watches received envelopes until a person acknowledges them (docs/decisions.md, decision 4): at half the
 * deadline for their precedence it re-alerts the role on watch; at the deadline it escalates to the
 * next role in the chain and reports the envelope as not acknowledged in time; each further
 * deadline period escalates one role more, until the chain ends.
 */
public final class AckWatch {
    private final InstantSource clock;
    private final EnumMap<Precedence, Duration> deadlines;
    private final List<String> chain;
    private final Map<EnvelopeId, Watched> watched = new LinkedHashMap<>();

    /** A state change to alert people about and to record. */
    sealed interface Event {
        EnvelopeId id();

        /** Half the deadline has passed without an acknowledgment. */
        record Realert(EnvelopeId id, String role, Instant at) implements Event {}

        /** The deadline (or a further deadline period) passed: the next role is now responsible. */
        record Escalated(EnvelopeId id, String fromRole, String toRole, Instant at, boolean firstOverdue)
                implements Event {}
    }

    private static final class Watched {
        final Precedence precedence;
        final Instant receivedAt;
        int roleIndex;
        boolean realerted;

        Watched(Precedence precedence, Instant receivedAt) {
            this.precedence = precedence;
            this.receivedAt = receivedAt;
        }
    }

    public AckWatch(InstantSource clock, Map<Precedence, Duration> deadlines, List<String> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the escalation chain needs at least one role");
        }
        EnumMap<Precedence, Duration> all = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            Duration d = deadlines.getOrDefault(p, p.defaultAckDeadline());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("ack deadline for " + p + " must be positive: " + d);
            }
            all.put(p, d);
        }
        this.clock = clock;
        this.deadlines = all;
        this.chain = List.copyOf(chain);
    }

    synchronized void watch(EnvelopeId id, Precedence precedence, Instant receivedAt) {
        watched.putIfAbsent(id, new Watched(precedence, receivedAt));
    }

    /** Stops watching; returns false when the envelope was not being watched. */
    synchronized boolean acknowledged(EnvelopeId id) {
        return watched.remove(id) != null;
    }

    /** Every role of the chain, as an EMERGENCY alerts them: all at once. */
    String everyRole() {
        return String.join(", ", chain);
    }

    synchronized Optional<String> responsibleRole(EnvelopeId id) {
        Watched w = watched.get(id);
        return w == null ? Optional.empty() : Optional.of(chain.get(w.roleIndex));
    }

    /** Changes a deadline at run time (an ADMIN action); applies to messages already watched too. */
    synchronized void setDeadline(Precedence precedence, Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("ack deadline for " + precedence + " must be positive: " + deadline);
        }
        deadlines.put(precedence, deadline);
    }

    synchronized Duration deadline(Precedence precedence) {
        // Every precedence is filled in by the constructor.
        return java.util.Objects.requireNonNull(deadlines.get(precedence));
    }

    /** Checks every watched envelope against the clock; returns the events due since the last tick. */
    synchronized List<Event> tick() {
        Instant now = clock.instant();
        List<Event> events = new ArrayList<>();
        for (var entry : watched.entrySet()) {
            check(entry.getKey(), entry.getValue(), now, events);
        }
        return events;
    }

    private void check(EnvelopeId id, Watched w, Instant now, List<Event> events) {
        Duration deadline = deadline(w.precedence);
        Duration elapsed = Duration.between(w.receivedAt, now);
        if (!w.realerted && elapsed.compareTo(deadline.dividedBy(2)) >= 0) {
            w.realerted = true;
            events.add(new Event.Realert(id, chain.get(w.roleIndex), now));
        }
        long periodsPassed = elapsed.dividedBy(deadline);
        while (w.roleIndex < periodsPassed && w.roleIndex + 1 < chain.size()) {
            String from = chain.get(w.roleIndex);
            w.roleIndex++;
            events.add(new Event.Escalated(id, from, chain.get(w.roleIndex), now, w.roleIndex == 1));
        }
    }
}
