package org.parley.flink;

import java.time.Instant;

/**
 * One incident event as the job publishes it (the node's incident JSON), read back by {@link
 * IncidentConsumer}.
 *
 * @param kind OPENED, ESCALATED or CLOSED
 * @param incidentId stable from OPENED to CLOSED
 * @param level WATCH, UNSAFE or HOTLINE (for CLOSED the worst reached)
 * @param a the first unit, described (name or id, party, flag)
 * @param closestRangeMetres closest range seen so far, to 0.1 m
 * @param predictedCpaMetres predicted closest approach at {@code time}, to 1 m
 */
public record Incident(
        String kind,
        String incidentId,
        String level,
        Instant time,
        String domain,
        String a,
        String b,
        double closestRangeMetres,
        Instant closestTime,
        double predictedCpaMetres,
        double predictedTcpaSeconds,
        String summary) {

    /** Parses the job's JSON for one event. */
    public static Incident fromJson(String json) {
        return IncidentJson.read(json);
    }
}
