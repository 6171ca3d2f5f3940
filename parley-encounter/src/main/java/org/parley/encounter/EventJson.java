package org.parley.encounter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.parley.track.Domain;
import org.parley.track.TargetId;

/**
 * The incident JSON's detail members (who the units are, where both were at the closest approach,
 * any bow crossing, the unrounded prediction) and the way back from the JSON to an {@link
 * EncounterEvent}: a node that takes its incidents from the Flink job (watch feed kind {@code
 * kafka}) rebuilds the event the engine would have handed it and runs the same hotline path.
 */
final class EventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {}

    static void putDetail(EncounterEvent e, Map<String, Object> m) {
        m.put("unitA", unit(e.a()));
        m.put("unitB", unit(e.b()));
        ClosestApproach c = e.closest();
        Map<String, Object> closest = new LinkedHashMap<>();
        closest.put("rangeMetres", c.rangeMetres());
        closest.put("time", c.time().toString());
        closest.put(
                "positionA",
                List.of(c.positionA().latitudeDegrees(), c.positionA().longitudeDegrees()));
        closest.put(
                "positionB",
                List.of(c.positionB().latitudeDegrees(), c.positionB().longitudeDegrees()));
        closest.put("relativeBearingDegrees", c.relativeBearingDegrees());
        c.verticalSeparationFeet().ifPresent(v -> closest.put("verticalSeparationFeet", v));
        c.bowCrossing().ifPresent(b -> {
            Map<String, Object> bow = new LinkedHashMap<>();
            bow.put("crossing", b.crossing().label());
            bow.put("crossed", b.crossed().label());
            bow.put("aheadMetres", b.aheadMetres());
            bow.put("time", b.time().toString());
            closest.put("bowCrossing", bow);
        });
        m.put("closest", closest);
        m.put("prediction", Map.of("cpaMetres", e.predictedCpaMetres(), "tcpaSeconds", e.predictedTcpaSeconds()));
    }

    private static Map<String, Object> unit(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id().label());
        u.state().ifPresent(s -> m.put("state", s));
        u.party().ifPresent(p -> m.put("party", p));
        u.name().ifPresent(n -> m.put("name", n));
        return m;
    }

    static EncounterEvent read(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("an incident event is a JSON object");
            }
            JsonNode prediction = member(n, "prediction");
            return new EncounterEvent(
                    EncounterEvent.Kind.valueOf(text(n, "kind")),
                    text(n, "incident"),
                    Level.valueOf(text(n, "level")),
                    instant(n, "time"),
                    Domain.valueOf(text(n, "domain")),
                    unit(member(n, "unitA")),
                    unit(member(n, "unitB")),
                    closest(member(n, "closest")),
                    number(prediction, "cpaMetres"),
                    number(prediction, "tcpaSeconds"));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not an incident event (" + e.getMessage() + "): " + clip(json), e);
        }
    }

    private static Unit unit(JsonNode n) {
        return new Unit(target(text(n, "id")), optional(n, "state"), optional(n, "party"), optional(n, "name"));
    }

    private static ClosestApproach closest(JsonNode n) {
        JsonNode vertical = n.get("verticalSeparationFeet");
        JsonNode bow = n.get("bowCrossing");
        return new ClosestApproach(
                number(n, "rangeMetres"),
                instant(n, "time"),
                point(member(n, "positionA")),
                point(member(n, "positionB")),
                number(n, "relativeBearingDegrees"),
                vertical == null ? OptionalDouble.empty() : OptionalDouble.of(number(n, "verticalSeparationFeet")),
                bow == null
                        ? Optional.empty()
                        : Optional.of(new BowCrossing(
                                target(text(bow, "crossing")),
                                target(text(bow, "crossed")),
                                number(bow, "aheadMetres"),
                                instant(bow, "time"))));
    }

    /** {@code MMSI 412000001} or {@code ICAO 780A3C}: {@link TargetId#label}. */
    static TargetId target(String label) {
        if (label.matches("MMSI \\d{9}")) {
            return new TargetId.Mmsi(Integer.parseInt(label.substring(5)));
        }
        if (label.startsWith("ICAO ")) {
            return TargetId.IcaoAddress.parse(label.substring(5));
        }
        throw new IllegalArgumentException("unit id must be 'MMSI nnnnnnnnn' or 'ICAO hhhhhh': '" + label + "'");
    }

    private static GeoPoint point(JsonNode n) {
        if (!n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
            throw new IllegalArgumentException("a position is [latitude, longitude]: " + n);
        }
        return new GeoPoint(n.get(0).asDouble(), n.get(1).asDouble());
    }

    private static JsonNode member(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing member " + field);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = member(n, field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("member " + field + " must be text");
        }
        return v.asText();
    }

    private static Optional<String> optional(JsonNode n, String field) {
        return n.has(field) ? Optional.of(text(n, field)) : Optional.empty();
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = member(n, field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("member " + field + " must be a number");
        }
        return v.asDouble();
    }

    private static Instant instant(JsonNode n, String field) {
        try {
            return Instant.parse(text(n, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("member " + field + " must be an ISO-8601 instant", e);
        }
    }

    private static String clip(String json) {
        return json.length() <= 200 ? json : json.substring(0, 200) + "…";
    }
}
