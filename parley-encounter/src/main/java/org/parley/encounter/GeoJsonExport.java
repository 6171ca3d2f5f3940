package org.parley.encounter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.track.TargetId;

/**
 * GeoJSON (RFC 7946) of a watch: one LineString per track trail (positions in [longitude,
 * latitude] order, RFC 7946 section 3.1.1) and, per encounter, the line between the two units at
 * their closest approach with the incident's facts as properties.
 */
final class GeoJsonExport {
    private static final JsonFactory JSON = new JsonFactory();

    private GeoJsonExport() {}

    static String write(Trails trails, Map<TargetId, Unit> units, List<Encounter> encounters) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (Map.Entry<TargetId, Deque<double[]>> e : trails.points().entrySet()) {
                track(g, e.getKey(), e.getValue(), Optional.ofNullable(units.get(e.getKey())), trails);
            }
            for (Encounter e : encounters) {
                encounter(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void track(JsonGenerator g, TargetId id, Deque<double[]> points, Optional<Unit> unit, Trails trails)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", points.size() == 1 ? "Point" : "LineString");
        if (points.size() == 1) {
            position(g, points.getFirst()[0], points.getFirst()[1]);
        } else {
            g.writeArrayFieldStart("coordinates");
            for (double[] p : points) {
                position(g, p[0], p[1]);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("kind", "track");
        g.writeStringField("id", id.label());
        g.writeStringField("domain", trails.domain(id).name());
        if (unit.isPresent()) {
            unitFields(g, "", unit.get());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void encounter(JsonGenerator g, Encounter e) throws IOException {
        ClosestApproach c = e.closest();
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "LineString");
        g.writeArrayFieldStart("coordinates");
        position(g, c.positionA().longitudeDegrees(), c.positionA().latitudeDegrees());
        position(g, c.positionB().longitudeDegrees(), c.positionB().latitudeDegrees());
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("kind", "closest-approach");
        g.writeStringField("incident", e.id);
        g.writeStringField("level", e.worst().name());
        g.writeStringField("domain", e.domain.name());
        g.writeStringField("opened", e.openedAt.toString());
        if (e.closedAt().isPresent()) {
            g.writeStringField("closed", e.closedAt().get().toString());
        }
        g.writeStringField("closestTime", c.time().toString());
        g.writeNumberField("rangeMetres", Math.round(c.rangeMetres() * 10) / 10.0);
        g.writeNumberField("relativeBearingDegrees", Math.round(c.relativeBearingDegrees() * 10) / 10.0);
        if (c.verticalSeparationFeet().isPresent()) {
            g.writeNumberField(
                    "verticalSeparationFeet",
                    Math.round(c.verticalSeparationFeet().getAsDouble()));
        }
        if (c.bowCrossing().isPresent()) {
            BowCrossing b = c.bowCrossing().get();
            g.writeStringField("bowCrossedBy", b.crossing().label());
            g.writeStringField("bowCrossedOf", b.crossed().label());
            g.writeNumberField("bowCrossingAheadMetres", Math.round(b.aheadMetres() * 10) / 10.0);
        }
        unitFields(g, "a", e.a);
        unitFields(g, "b", e.b);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void unitFields(JsonGenerator g, String prefix, Unit u) throws IOException {
        String p = prefix.isEmpty() ? "" : prefix + "_";
        g.writeStringField(p + "id", u.id().label());
        if (u.name().isPresent()) {
            g.writeStringField(p + "name", u.name().get());
        }
        if (u.party().isPresent()) {
            g.writeStringField(p + "party", u.party().get());
        }
        if (u.state().isPresent()) {
            g.writeStringField(p + "state", u.state().get());
        }
    }

    private static void position(JsonGenerator g, double lon, double lat) throws IOException {
        g.writeStartArray();
        g.writeNumber(Math.round(lon * 1e7) / 1e7);
        g.writeNumber(Math.round(lat * 1e7) / 1e7);
        g.writeEndArray();
    }
}
