package org.parley.node.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.jspecify.annotations.Nullable;

/**
 * The incident view's picture, drawn from the API's incident JSON: both units' predicted paths from
 * their last reports (constant course and speed over ground along the geodesic, GeographicLib
 * Direct, as decision 8 asks of geometry), the range between them over the look-ahead (Inverse),
 * and the closest point of approach of those paths. This is what the screen shows; the engine's own
 * CPA and TCPA at each change are listed beside it unchanged.
 */
final class Prediction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double METRES_PER_SECOND_PER_KNOT = 1852.0 / 3600;
    /** Points per path and chart: enough for a smooth line, few enough for a small page. */
    static final int SAMPLES = 120;

    private Prediction() {}

    /**
     * The plot as JSON ({@code start}, {@code paths.a/b} as [lat, lon] lists, {@code range} as
     * [epoch seconds, metres] pairs, {@code cpa}), or empty when no change carries both units'
     * courses and speeds (an incident kept before motions were, or reports without them).
     */
    static Optional<ObjectNode> of(JsonNode incident) {
        // The newest change that opened or escalated the incident (a CLOSED one shows the units
        // parting, not the danger), else the newest of any kind.
        @Nullable JsonNode latest = null;
        @Nullable JsonNode closing = null;
        for (JsonNode change : incident.path("changes")) {
            if (moving(change.path("motionA")) && moving(change.path("motionB"))) {
                if (change.path("kind").asText().equals("CLOSED")) {
                    closing = change;
                } else {
                    latest = change;
                }
            }
        }
        latest = latest == null ? closing : latest;
        if (latest == null) {
            return Optional.empty();
        }
        JsonNode a = latest.path("motionA");
        JsonNode b = latest.path("motionB");
        Instant ta = Instant.parse(a.path("time").asText());
        Instant tb = Instant.parse(b.path("time").asText());
        Instant start = ta.isAfter(tb) ? ta : tb;
        long horizon = Math.max(60, incident.path("lookAheadSeconds").asLong(1800));
        ObjectNode out = JSON.createObjectNode();
        out.put("start", start.toString());
        out.put("seq", latest.path("seq").asInt());
        ArrayNode pathA = out.putObject("paths").putArray("a");
        ArrayNode pathB = ((ObjectNode) out.path("paths")).putArray("b");
        ArrayNode range = out.putArray("range");
        for (int i = 0; i <= SAMPLES; i++) {
            Instant t = start.plusMillis(horizon * 1000 * i / SAMPLES);
            GeodesicData pa = at(a, ta, t);
            GeodesicData pb = at(b, tb, t);
            pathA.addArray().add(pa.lat2).add(pa.lon2);
            pathB.addArray().add(pb.lat2).add(pb.lon2);
            range.addArray().add(t.getEpochSecond()).add(Math.round(distance(pa, pb)));
        }
        out.set("cpa", cpa(a, ta, b, tb, start, horizon));
        return Optional.of(out);
    }

    private static boolean moving(JsonNode motion) {
        return motion.has("courseDegrees") && motion.has("speedKnots") && motion.has("time");
    }

    /** Where a unit would be at {@code t}, on from its report at {@code from} at constant course and speed. */
    private static GeodesicData at(JsonNode motion, Instant from, Instant t) {
        double seconds = Duration.between(from, t).toMillis() / 1000.0;
        double metres = motion.path("speedKnots").asDouble() * METRES_PER_SECOND_PER_KNOT * seconds;
        return Geodesic.WGS84.Direct(
                motion.path("lat").asDouble(),
                motion.path("lon").asDouble(),
                motion.path("courseDegrees").asDouble(),
                metres);
    }

    private static double distance(GeodesicData a, GeodesicData b) {
        return Geodesic.WGS84.Inverse(a.lat2, a.lon2, b.lat2, b.lon2).s12;
    }

    /** The closest approach of the two paths, searched second by second over the look-ahead. */
    private static ObjectNode cpa(JsonNode a, Instant ta, JsonNode b, Instant tb, Instant start, long horizon) {
        double best = Double.MAX_VALUE;
        long bestSecond = 0;
        for (long s = 0; s <= horizon; s++) {
            Instant t = start.plusSeconds(s);
            double d = distance(at(a, ta, t), at(b, tb, t));
            if (d < best) {
                best = d;
                bestSecond = s;
            }
        }
        Instant t = start.plusSeconds(bestSecond);
        GeodesicData pa = at(a, ta, t);
        GeodesicData pb = at(b, tb, t);
        ObjectNode cpa = JSON.createObjectNode();
        cpa.put("time", t.toString());
        cpa.put("epochSecond", t.getEpochSecond());
        cpa.put("inSeconds", bestSecond);
        cpa.put("metres", Math.round(best));
        cpa.putArray("a").add(pa.lat2).add(pa.lon2);
        cpa.putArray("b").add(pb.lat2).add(pb.lon2);
        return cpa;
    }
}
