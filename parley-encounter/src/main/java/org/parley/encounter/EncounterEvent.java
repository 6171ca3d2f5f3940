package org.parley.encounter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.track.Domain;

/**
 * A change in an encounter that someone must hear about.
 *
 * @param incidentId stable for the life of the encounter, from OPENED to CLOSED
 * @param level the level that caused the event; for CLOSED the highest level reached
 * @param predictedCpaMetres closest approach predicted at {@code time} (constant velocity)
 * @param predictedTcpaSeconds time to that closest approach from {@code time}
 */
public record EncounterEvent(
        Kind kind,
        String incidentId,
        Level level,
        Instant time,
        Domain domain,
        Unit a,
        Unit b,
        ClosestApproach closest,
        double predictedCpaMetres,
        double predictedTcpaSeconds) {

    /** OPENED the first time a pair reaches a level, ESCALATED above its previous worst, CLOSED when clear. */
    public enum Kind {
        OPENED,
        ESCALATED,
        CLOSED
    }

    /**
     * The event as the members of its JSON form, in order: what {@code parley encounters replay
     * --json} prints and the Flink job writes to Kafka, defined once so the two stay comparable.
     * Closest range to 0.1 m, predicted CPA to 1 m, TCPA to 1 s. The members after {@code summary}
     * ({@code unitA}, {@code unitB}, {@code closest}, {@code prediction}) carry the event in full, so
     * that {@link #fromJson} gives it back to a node that reads the job's incidents from Kafka.
     */
    public Map<String, Object> jsonMembers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name());
        m.put("incident", incidentId);
        m.put("level", level.name());
        m.put("time", time.toString());
        m.put("domain", domain.name());
        m.put("a", a.describe());
        m.put("b", b.describe());
        m.put("closestRangeMetres", Math.round(closest.rangeMetres() * 10) / 10.0);
        m.put("closestTime", closest.time().toString());
        m.put("predictedCpaMetres", Math.round(predictedCpaMetres));
        m.put("predictedTcpaSeconds", Math.round(predictedTcpaSeconds));
        m.put("summary", summary());
        EventJson.putDetail(this, m);
        return m;
    }

    /**
     * The event of its JSON form ({@link #jsonMembers}); throws {@link IllegalArgumentException}
     * naming the member that is missing or wrong.
     */
    public static EncounterEvent fromJson(String json) {
        return EventJson.read(json);
    }

    /** One line for people: what, who, how close. */
    public String summary() {
        String range = domain == Domain.SEA
                ? String.format("%.0f yd", closest.rangeYards())
                : String.format("%.0f ft", closest.rangeFeet());
        String bow = closest.bowCrossing()
                .map(c -> String.format(
                        "; %s crossed ahead of %s at %.0f yd",
                        c.crossing().label(), c.crossed().label(), c.aheadMetres() / Rules.METRES_PER_YARD))
                .orElse("");
        return String.format(
                "%s %s %s: %s and %s; closest %s at %s, bearing %03.0f%s",
                time,
                kind,
                level,
                a.describe(),
                b.describe(),
                range,
                closest.time(),
                closest.relativeBearingDegrees(),
                bow);
    }
}
