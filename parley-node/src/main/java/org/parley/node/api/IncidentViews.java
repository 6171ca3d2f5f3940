package org.parley.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.parley.encounter.CapAlert;
import org.parley.encounter.GeoPoint;
import org.parley.node.watch.Incident;
import org.parley.node.watch.TrackView;
import org.parley.wire.Party;

/** The shapes of incidents and tracks: JSON as openapi.json documents, GeoJSON (RFC 7946), CAP 1.2. */
final class IncidentViews {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IncidentViews() {}

    static ObjectNode summary(Incident i) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", i.id());
        o.put("domain", i.domain().name());
        o.put("unitA", i.unitA());
        o.put("unitB", i.unitB());
        i.partyA().ifPresent(p -> o.put("partyA", p.name()));
        i.partyB().ifPresent(p -> o.put("partyB", p.name()));
        o.put("level", i.level().name());
        o.put("opened", i.opened().toString());
        o.put("updated", i.updated().toString());
        i.closed().ifPresent(t -> o.put("closed", t.toString()));
        o.put("open", i.open());
        return o;
    }

    static ObjectNode detail(Incident.Detail d) {
        ObjectNode o = summary(d.incident());
        ArrayNode changes = o.putArray("changes");
        for (Incident.Change c : d.changes()) {
            ObjectNode n = changes.addObject();
            n.put("seq", c.seq());
            n.put("kind", c.kind().name());
            n.put("level", c.level().name());
            n.put("time", c.time().toString());
            n.put("rangeMetres", round(c.rangeMetres(), 10));
            n.put("bearingDegrees", round(c.bearingDegrees(), 10));
            n.put("cpaMetres", round(c.cpaMetres(), 1));
            n.put("tcpaSeconds", round(c.tcpaSeconds(), 1));
            c.verticalFeet().ifPresent(v -> n.put("verticalFeet", round(v, 1)));
            n.set("positionA", point(c.positionA()));
            n.set("positionB", point(c.positionB()));
            n.put("closestTime", c.closestTime().toString());
            n.put("summary", c.summary());
            c.motionA().ifPresent(m -> n.set("motionA", motion(m)));
            c.motionB().ifPresent(m -> n.set("motionB", motion(m)));
        }
        ArrayNode notices = o.putArray("notices");
        for (Incident.Notice n : d.notices()) {
            ObjectNode x = notices.addObject();
            x.put("level", n.level().name());
            x.put("state", n.state().name());
            n.envelope().ifPresent(e -> x.put("envelope", e.toString()));
            x.put("created", n.created().toString());
            n.decided().ifPresent(t -> x.put("decided", t.toString()));
            n.decidedBy().ifPresent(b -> x.put("decidedBy", b));
            n.reason().ifPresent(r -> x.put("reason", r));
        }
        ArrayNode peer = o.putArray("peer");
        for (Incident.PeerReport p : d.peer()) {
            peer.addObject()
                    .put("from", p.from().name())
                    .put("envelope", p.envelope().toString())
                    .put("peerIncident", p.peerIncident())
                    .put("received", p.received().toString())
                    .put("summary", p.summary());
        }
        return o;
    }

    /** Each change as two points (A and B at the closest approach so far) and the line between them. */
    static String geoJson(Incident.Detail d) {
        ObjectNode fc = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        Incident i = d.incident();
        for (Incident.Change c : d.changes()) {
            ObjectNode line = features.addObject().put("type", "Feature");
            ObjectNode geometry = line.putObject("geometry").put("type", "LineString");
            ArrayNode coordinates = geometry.putArray("coordinates");
            coordinates.add(lonLat(c.positionA()));
            coordinates.add(lonLat(c.positionB()));
            line.putObject("properties")
                    .put("incident", i.id())
                    .put("seq", c.seq())
                    .put("kind", c.kind().name())
                    .put("level", c.level().name())
                    .put("time", c.time().toString())
                    .put("rangeMetres", round(c.rangeMetres(), 10))
                    .put("unitA", i.unitA())
                    .put("unitB", i.unitB());
        }
        return fc.toString();
    }

    static String tracks(List<TrackView> tracks) {
        ObjectNode fc = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = fc.putArray("features");
        for (TrackView t : tracks) {
            ObjectNode f = features.addObject().put("type", "Feature");
            ObjectNode g = f.putObject("geometry").put("type", "Point");
            g.putArray("coordinates")
                    .add(t.latest().longitudeDegrees())
                    .add(t.latest().latitudeDegrees());
            ObjectNode p = f.putObject("properties");
            p.put("target", t.target())
                    .put("name", t.name())
                    .put("domain", t.domain().name());
            t.party().ifPresent(party -> p.put("party", party));
            p.put("time", t.time().toString());
            t.latest().courseDegrees().ifPresent(c -> p.put("courseDegrees", c));
            t.latest().speedKnots().ifPresent(s -> p.put("speedKnots", s));
            t.altitudeFeet().ifPresent(a -> p.put("altitudeFeet", a));
        }
        return fc.toString();
    }

    /**
     * The incident's latest change as an OASIS CAP 1.2 alert (CAP-V1.2 section 3.2; times with a
     * "-00:00" offset and no fraction, 3.3.2). A closed incident is a Cancel, one that escalated an
     * Update.
     */
    static String cap(Incident.Detail d, Party sender) {
        Incident i = d.incident();
        Optional<Incident.Change> last = d.changes().isEmpty()
                ? Optional.empty()
                : Optional.of(d.changes().getLast());
        return new CapAlert(
                        i.id() + "_" + last.map(Incident.Change::seq).orElse(0),
                        "parley:" + sender.name(),
                        i.updated(),
                        i.closed().isPresent()
                                ? CapAlert.MsgType.CANCEL
                                : d.changes().size() > 1 ? CapAlert.MsgType.UPDATE : CapAlert.MsgType.ALERT,
                        "The parties' duty officers",
                        i.id(),
                        i.domain(),
                        i.level(),
                        !i.open(),
                        true,
                        i.level() + " " + i.unitA() + " / " + i.unitB(),
                        last.map(Incident.Change::summary),
                        last.map(c -> new CapAlert.Area(
                                "Closest approach of " + i.unitA() + " and " + i.unitB(),
                                c.positionA(),
                                c.rangeMetres())))
                .xml();
    }

    /** A unit's last report at a change: where, when, course and speed over ground when known. */
    private static ObjectNode motion(Incident.Motion m) {
        ObjectNode o = point(m.position());
        o.put("time", m.time().toString());
        m.courseDegrees().ifPresent(c -> o.put("courseDegrees", round(c, 10)));
        m.speedKnots().ifPresent(v -> o.put("speedKnots", round(v, 10)));
        return o;
    }

    private static ObjectNode point(GeoPoint p) {
        return JSON.createObjectNode().put("lat", p.latitudeDegrees()).put("lon", p.longitudeDegrees());
    }

    private static ArrayNode lonLat(GeoPoint p) {
        return JSON.createArrayNode().add(p.longitudeDegrees()).add(p.latitudeDegrees());
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
