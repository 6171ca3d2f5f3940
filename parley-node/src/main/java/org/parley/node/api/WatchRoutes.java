package org.parley.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.parley.encounter.Level;
import org.parley.node.watch.EncounterWatch;
import org.parley.node.watch.Incident;
import org.parley.track.Altitude;
import org.parley.track.AltitudeKind;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

/**
 * The encounter watch's resources: own units' positions in, the live picture and the incidents out,
 * and the duty officer's decision on a drafted notice. Incidents come as JSON, GeoJSON (RFC 7946)
 * or CAP 1.2 by the Accept header.
 */
final class WatchRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One POST carries at most this many reports: a batch from a combat system's track store. */
    static final int MAX_POSITIONS = 10_000;

    private final EncounterWatch watch;
    private final Party own;

    WatchRoutes(EncounterWatch watch, Party own) {
        this.watch = watch;
        this.own = own;
    }

    Reply positions(Request request) throws IOException {
        requireRunning();
        JsonNode list = request.jsonBody().path("positions");
        if (!list.isArray() || list.isEmpty()) {
            throw new Problem(400, "'positions' must be a non-empty list of position reports");
        }
        if (list.size() > MAX_POSITIONS) {
            throw new Problem(413, "at most " + MAX_POSITIONS + " positions per request, got " + list.size());
        }
        List<PositionReport> reports = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            reports.add(report(list.get(i), "positions[" + i + "]"));
        }
        int queued;
        try {
            queued = watch.accept(reports);
        } catch (IllegalStateException e) {
            // The watch takes its incidents from the Flink job (feed kind kafka): no engine here.
            throw new Problem(409, String.valueOf(e.getMessage()));
        }
        return Reply.accepted(JSON.createObjectNode().put("accepted", queued));
    }

    /**
     * One own-unit report: {@code {"mmsi": 369970093} or {"icao": "ADF7C8"}, "time", "lat", "lon",
     * "courseDegrees", "speedKnots", "altitudeFeet"}} (altitude for aircraft). Every field is checked
     * before anything is queued, so a bad batch changes nothing.
     */
    private static PositionReport report(JsonNode node, String where) {
        TargetId target = target(node, where);
        Instant time = Fields.instant(node.path("time"), where + ".time");
        double lat = number(node, "lat", where);
        double lon = number(node, "lon", where);
        try {
            // An aircraft's track goes stale as an ADS-B one does; a ship's as Class A (OTHER).
            PositionReport.Builder b = PositionReport.builder(target, time, lat, lon)
                    .transponder(target instanceof TargetId.IcaoAddress ? Transponder.ADSB : Transponder.OTHER);
            if (node.has("courseDegrees")) {
                b.courseDegrees(number(node, "courseDegrees", where))
                        .headingDegrees(number(node, "courseDegrees", where));
            }
            if (node.has("speedKnots")) {
                b.speedKnots(number(node, "speedKnots", where));
            }
            if (node.has("altitudeFeet")) {
                b.altitude(new Altitude(number(node, "altitudeFeet", where), AltitudeKind.BAROMETRIC));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new Problem(400, where + ": " + e.getMessage());
        }
    }

    private static TargetId target(JsonNode node, String where) {
        if (node.path("mmsi").canConvertToInt() && node.path("mmsi").asInt() > 0) {
            return new TargetId.Mmsi(node.path("mmsi").asInt());
        }
        if (node.path("icao").isTextual()) {
            try {
                return TargetId.IcaoAddress.parse(node.path("icao").asText());
            } catch (IllegalArgumentException e) {
                throw new Problem(400, where + ".icao: " + e.getMessage());
            }
        }
        throw new Problem(
                400, where + ": name the unit with 'mmsi' (a ship) or 'icao' (an aircraft's 24-bit hex address)");
    }

    private static double number(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new Problem(400, where + "." + field + " must be a number");
        }
        return value.asDouble();
    }

    Reply tracks(Request request) {
        requireRunning();
        String text = request.query("bbox").orElse("-180,-90,180,90");
        String[] parts = text.split(",", -1);
        double[] box = new double[4];
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            for (int i = 0; i < 4; i++) {
                box[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new Problem(400, "'bbox' must be west,south,east,north in degrees (RFC 7946 5): '" + text + "'");
        }
        if (box[1] > box[3]
                || Math.abs(box[0]) > 180
                || Math.abs(box[2]) > 180
                || Math.abs(box[1]) > 90
                || Math.abs(box[3]) > 90) {
            throw new Problem(400, "'bbox' is west,south,east,north with south <= north: '" + text + "'");
        }
        return new Reply.Text(
                "application/geo+json", IncidentViews.tracks(watch.tracks(box[0], box[1], box[2], box[3])));
    }

    Reply incidents(Request request) {
        boolean open = Boolean.parseBoolean(request.query("open").orElse("false"));
        int offset = Paging.offset(request);
        int limit = Paging.limit(request);
        ObjectNode out = JSON.createObjectNode();
        watch.incidents(open, offset, limit)
                .forEach(i -> out.withArray("incidents").add(IncidentViews.summary(i)));
        out.withArray("incidents");
        return Reply.ok(out);
    }

    Reply incident(Request request) {
        String id = request.parameter("id");
        Incident.Detail detail = watch.incident(id).orElseThrow(() -> new Problem(404, "no incident " + id));
        String accept = request.accept();
        if (accept.contains("application/cap+xml")) {
            return new Reply.Text("application/cap+xml", IncidentViews.cap(detail, own));
        }
        if (accept.contains("application/geo+json")) {
            return new Reply.Text("application/geo+json", IncidentViews.geoJson(detail));
        }
        return Reply.ok(IncidentViews.detail(detail)
                .put(
                        "lookAheadSeconds",
                        watch.lookAhead(detail.incident().domain()).toSeconds()));
    }

    Reply sendNotice(Request request) {
        String id = request.parameter("id");
        Level level = Fields.parseEnum(request.parameter("level"), "level", Level.class);
        try {
            EnvelopeId sent = watch.sendDraft(id, level, request.operator().name());
            return Reply.created(sent);
        } catch (NoSuchElementException e) {
            throw new Problem(404, String.valueOf(e.getMessage()));
        } catch (IllegalStateException e) {
            throw new Problem(409, String.valueOf(e.getMessage()));
        }
    }

    Reply discardNotice(Request request) throws IOException {
        String id = request.parameter("id");
        Level level = Fields.parseEnum(request.parameter("level"), "level", Level.class);
        String reason = request.jsonBody().path("reason").asText("");
        try {
            watch.discardDraft(id, level, request.operator().name(), reason);
        } catch (NoSuchElementException e) {
            throw new Problem(404, String.valueOf(e.getMessage()));
        } catch (IllegalStateException e) {
            throw new Problem(409, String.valueOf(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new Problem(400, String.valueOf(e.getMessage()));
        }
        return Reply.ok(IncidentViews.detail(watch.incident(id).orElseThrow()));
    }

    private void requireRunning() {
        if (!watch.enabled()) {
            throw new Problem(
                    409,
                    "the encounter watch is off on this node: add a 'watch:' section to node.yaml (docs/operations.md)");
        }
    }
}
