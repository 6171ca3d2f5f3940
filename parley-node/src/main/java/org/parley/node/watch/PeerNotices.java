package org.parley.node.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import net.sf.geographiclib.Geodesic;
import org.parley.encounter.GeoPoint;
import org.parley.wire.Party;
import org.parley.wire.Payload;

/**
 * Recognises the peer's FLASH about an encounter we watch too. The phrasebook's incident report
 * ({@code HOT.INCIDENT_REPORT}: position and time) says where and when; an open incident of ours
 * that involves one of the peer's units and was near there then is the same encounter.
 */
final class PeerNotices {
    /** How far the peer's reported position may lie from either unit: two receivers, two fixes. */
    static final double MATCH_METRES = 5 * 1852;

    static final Duration MATCH_TIME = Duration.ofMinutes(15);
    private static final String INCIDENT_REPORT = "HOT.INCIDENT_REPORT";

    private PeerNotices() {}

    /** The incident report phrase's argument {@code name}: keyed by the phrase's 1-based index. */
    private static Optional<String> reportArgument(Payload.SafetyNotice notice, String name) {
        int index = notice.phraseCodes().indexOf(INCIDENT_REPORT);
        return index < 0
                ? Optional.empty()
                : Optional.ofNullable(notice.parameters().get((index + 1) + "." + name));
    }

    static Optional<GeoPoint> position(Payload.SafetyNotice notice) {
        Optional<String> argument = reportArgument(notice, "position");
        if (argument.isEmpty()) {
            return Optional.empty();
        }
        String text = argument.get();
        String[] parts = text.split(",", -1);
        try {
            return parts.length == 2
                    ? Optional.of(
                            new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> time(Payload.SafetyNotice notice) {
        try {
            return reportArgument(notice, "time").map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** What the peer calls the incident: its reported time and position, since it names no id. */
    static String reference(Payload.SafetyNotice notice) {
        return notice.parameters().getOrDefault("time", "?") + " @ "
                + notice.parameters().getOrDefault("position", "?");
    }

    static boolean matches(
            Incident incident, List<Incident.Change> changes, Party own, Party peer, GeoPoint where, Instant at) {
        if (!incident.between(own, peer)) {
            return false;
        }
        for (Incident.Change change : changes) {
            if (Duration.between(change.time(), at).abs().compareTo(MATCH_TIME) <= 0
                    && (metres(change.positionA(), where) <= MATCH_METRES
                            || metres(change.positionB(), where) <= MATCH_METRES)) {
                return true;
            }
        }
        return false;
    }

    private static double metres(GeoPoint p, GeoPoint q) {
        return Geodesic.WGS84.Inverse(
                        p.latitudeDegrees(), p.longitudeDegrees(), q.latitudeDegrees(), q.longitudeDegrees())
                .s12;
    }
}
