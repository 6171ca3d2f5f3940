package org.parley.encounter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.track.Track;

/**
 * The engine taken apart for a stream processor that partitions the grid itself (parley-flink):
 * the cubes a track's path covers, and one pair judged at a time against that pair's own open
 * encounter, kept by the caller. Every answer comes from the same code as {@link EncounterEngine}
 * ({@code GridIndex} cover, cheap bounds, geometry, rules, hysteresis), so a job that offers each
 * pair where {@link EncounterEngine#onReport} and {@link EncounterEngine#sweep} would offer it,
 * and closes where a sweep would, emits the engine's events.
 *
 * <p>Not thread-safe: one per operator instance.
 */
public final class PairWatch {
    private final EncounterEngine engine;

    public PairWatch(EncounterConfig config) {
        this.engine = new EncounterEngine(config);
    }

    /**
     * The sorted keys of the grid cubes the track's path touches (its capsule from the engine's
     * own bounds); empty when the track is suppressed. Two tracks can be at some level only if
     * their cube sets meet.
     */
    public long[] cubes(Track track) {
        return engine.cubes(track);
    }

    /**
     * The engine's cheap bounds: false when the two cannot be at any level within the look-ahead
     * from {@code now}, in which case {@link #judge} would change nothing (not even an open
     * encounter). Lets a partitioned job drop most pairs before shipping them to the judge.
     */
    public boolean mayMeet(Track a, Track b, Instant now) {
        return engine.mayMeet(a, b, now);
    }

    /** The pair's encounter after a judgement, and the event it caused (none, OPENED or ESCALATED). */
    public record Verdict(Optional<OpenEncounter> open, List<EncounterEvent> events) {
        public Verdict {
            events = List.copyOf(events);
        }
    }

    /**
     * Judges a pair at {@code now} as the engine does on a report of either unit or in a sweep.
     * {@code open} is the pair's encounter from the previous verdict; it is updated in place.
     */
    public Verdict judge(Optional<OpenEncounter> open, Track a, Track b, Instant now) {
        if (a.id().equals(b.id())) {
            throw new IllegalArgumentException("a pair needs two targets: " + a.id());
        }
        List<EncounterEvent> out = new ArrayList<>();
        Encounter current = open.map(o -> o.encounter).orElse(null);
        Encounter after = engine.judgePair(current, a, b, now, out);
        if (after == null) {
            return new Verdict(Optional.empty(), out);
        }
        return new Verdict(Optional.of(after == current ? open.get() : new OpenEncounter(after)), out);
    }

    /** The CLOSED event when the encounter has stayed clear for the hysteresis time at a sweep at {@code now}. */
    public Optional<EncounterEvent> closeIfClear(OpenEncounter open, Instant now) {
        List<EncounterEvent> out = new ArrayList<>();
        engine.closePair(open.encounter, now, false, out);
        return out.stream().findFirst();
    }

    /** Closes the encounter now, as {@link EncounterEngine#closeAll} does at the end of a replay. */
    public EncounterEvent close(OpenEncounter open, Instant now) {
        List<EncounterEvent> out = new ArrayList<>();
        engine.closePair(open.encounter, now, true, out);
        return out.get(0);
    }

    /** One pair's open encounter, held by the caller between verdicts (for a stream processor: keyed state). */
    public static final class OpenEncounter {
        final Encounter encounter;

        OpenEncounter(Encounter encounter) {
            this.encounter = encounter;
        }

        /** The incident id, stable from OPENED to CLOSED. */
        public String incidentId() {
            return encounter.id;
        }

        @Override
        public String toString() {
            return "OpenEncounter[" + encounter.id + ", worst " + encounter.worst() + "]";
        }
    }
}
