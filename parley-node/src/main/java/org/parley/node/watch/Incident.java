package org.parley.node.watch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.GeoPoint;
import org.parley.encounter.Level;
import org.parley.track.Domain;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

/**
 * An encounter the watch opened, as the node's store keeps it: the pair, the worst level reached,
 * and when it opened, last changed and closed ({@code closed} empty while it is open).
 *
 * @param id the node's incident id, stable across restarts ({@code BLUE-20230603T091000Z-0001})
 * @param pairKey the two units' target ids in order: one open incident per pair
 */
public record Incident(
        String id,
        String pairKey,
        Domain domain,
        String unitA,
        String unitB,
        Optional<Party> partyA,
        Optional<Party> partyB,
        Level level,
        Instant opened,
        Instant updated,
        Optional<Instant> closed) {

    public Incident {
        if (id.isBlank() || pairKey.isBlank()) {
            throw new IllegalArgumentException("an incident needs an id and a pair key");
        }
    }

    /** Whether one unit is {@code one}'s and the other {@code other}'s: a matter for the hotline. */
    public boolean between(Party one, Party other) {
        return (partyA.equals(Optional.of(one)) && partyB.equals(Optional.of(other)))
                || (partyA.equals(Optional.of(other)) && partyB.equals(Optional.of(one)));
    }

    public boolean open() {
        return closed.isEmpty();
    }

    /** An incident with everything the store holds about it, oldest first. */
    public record Detail(Incident incident, List<Change> changes, List<Notice> notices, List<PeerReport> peer) {
        public Detail {
            changes = List.copyOf(changes);
            notices = List.copyOf(notices);
            peer = List.copyOf(peer);
        }
    }

    /**
     * One change of the encounter with the geometry that caused it: the closest range seen so far
     * with both positions then, the bearing of B from A's bow, and the predicted CPA/TCPA at {@code time}.
     */
    public record Change(
            int seq,
            EncounterEvent.Kind kind,
            Level level,
            Instant time,
            double rangeMetres,
            double bearingDegrees,
            double cpaMetres,
            double tcpaSeconds,
            OptionalDouble verticalFeet,
            GeoPoint positionA,
            GeoPoint positionB,
            Instant closestTime,
            String summary,
            Optional<Motion> motionA,
            Optional<Motion> motionB) {}

    /**
     * A unit's last report when a change was raised: where it was, when, and its course and speed
     * over ground if the report gave them. What the console draws the predicted paths from.
     */
    public record Motion(GeoPoint position, Instant time, OptionalDouble courseDegrees, OptionalDouble speedKnots) {
        public Motion {
            if (courseDegrees.isPresent() && (courseDegrees.getAsDouble() < 0 || courseDegrees.getAsDouble() >= 360)) {
                throw new IllegalArgumentException("courseDegrees must be in [0, 360): " + courseDegrees);
            }
            if (speedKnots.isPresent() && speedKnots.getAsDouble() < 0) {
                throw new IllegalArgumentException("speedKnots must be >= 0: " + speedKnots);
            }
        }
    }

    /** What happens to the hotline notice an incident level called for. */
    public enum NoticeState {
        /** Being handed to the outbox; a restart finds out from the outbox whether it got there. */
        SENDING,
        /** In the outbox, signed: {@code envelope} names it. */
        SENT,
        /** Waiting for the duty officer to send or discard it. */
        DRAFT,
        /** Not sent, by the duty officer's decision, with the reason kept. */
        DISCARDED
    }

    /**
     * The hotline notice for one level of an incident.
     *
     * @param payloadJson the drafted payload as the store keeps it (see {@code NoticePayloads})
     */
    public record Notice(
            Level level,
            NoticeState state,
            Optional<EnvelopeId> envelope,
            String payloadJson,
            Instant created,
            Optional<Instant> decided,
            Optional<String> decidedBy,
            Optional<String> reason) {}

    /** The peer's FLASH about the same pair, linked to our incident: their geometry beside ours. */
    public record PeerReport(Party from, EnvelopeId envelope, String peerIncident, Instant received, String summary) {}
}
