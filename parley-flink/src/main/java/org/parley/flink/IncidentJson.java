package org.parley.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.parley.encounter.EncounterEvent;

/**
 * An incident event as the node writes it ({@code parley encounters replay --json}): the same
 * members in the same order, ranges rounded as there (closest range to 0.1 m, predicted CPA to
 * 1 m, TCPA to 1 s).
 */
final class IncidentJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IncidentJson() {}

    static String write(EncounterEvent e) {
        try {
            return JSON.writeValueAsString(e.jsonMembers());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("incident JSON: " + ex.getMessage(), ex);
        }
    }

    static Incident read(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new Incident(
                    text(n, "kind"),
                    text(n, "incident"),
                    text(n, "level"),
                    Instant.parse(text(n, "time")),
                    text(n, "domain"),
                    text(n, "a"),
                    text(n, "b"),
                    number(n, "closestRangeMetres"),
                    Instant.parse(text(n, "closestTime")),
                    number(n, "predictedCpaMetres"),
                    number(n, "predictedTcpaSeconds"),
                    text(n, "summary"));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not an incident event: " + e.getMessage() + ": " + json, e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing text member " + field);
        }
        return v.asText();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("missing number member " + field);
        }
        return v.asDouble();
    }
}
