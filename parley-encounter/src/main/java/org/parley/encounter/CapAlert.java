package org.parley.encounter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.parley.track.Domain;

/**
 * One OASIS Common Alerting Protocol 1.2 alert about an encounter (CAP-V1.2, 2010; clause references
 * are to its section 3.2), and its XML. The one CAP writer of the project: the engine's events
 * ({@link EncounterEngine#capAlert}) and the node's stored incidents are both told in it.
 *
 * @param identifier 3.2.1 identifier: unique per sender and alert
 * @param sender 3.2.1 sender
 * @param sent 3.2.1 sent; written with a "-00:00" offset and no fraction (3.3.2: "Z" is not allowed)
 * @param msgType 3.2.1 msgType
 * @param restriction 3.2.1 restriction (scope is always Restricted: the parties' duty officers)
 * @param incidents 3.2.1 incidents: the encounter's id
 * @param domain SEA or AIR: 3.2.2 event
 * @param level the encounter's level: 3.2.2 severity (HOTLINE Extreme, UNSAFE Severe, WATCH Moderate)
 * @param past 3.2.2 urgency: Past once the encounter is over, else Immediate
 * @param observed 3.2.2 certainty: Observed, or Likely for a prediction
 * @param headline 3.2.2 headline
 * @param description 3.2.2 description, if there is one
 * @param area 3.2.4 area, if known
 */
public record CapAlert(
        String identifier,
        String sender,
        Instant sent,
        MsgType msgType,
        String restriction,
        String incidents,
        Domain domain,
        Level level,
        boolean past,
        boolean observed,
        String headline,
        Optional<String> description,
        Optional<Area> area) {
    private static final DateTimeFormatter CAP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    public CapAlert {
        if (identifier.isBlank() || sender.isBlank()) {
            throw new IllegalArgumentException("a CAP alert needs an identifier and a sender (3.2.1)");
        }
    }

    /**
     * The alert for one engine event: a new encounter is an Alert (certainty Likely: a prediction),
     * an escalation an Update, its end a Cancel (urgency Past); the area is a circle round unit A's
     * position at the closest approach, as wide as the range there.
     */
    public static CapAlert of(EncounterEvent e, String sender) {
        return new CapAlert(
                e.incidentId() + "_" + e.kind() + "_" + e.time().getEpochSecond(),
                sender,
                e.time(),
                switch (e.kind()) {
                    case OPENED -> MsgType.ALERT;
                    case ESCALATED -> MsgType.UPDATE;
                    case CLOSED -> MsgType.CANCEL;
                },
                "Parties' duty officers only",
                e.incidentId(),
                e.domain(),
                e.level(),
                e.kind() == EncounterEvent.Kind.CLOSED,
                e.kind() != EncounterEvent.Kind.OPENED,
                e.level() + " " + e.a().describe() + " / " + e.b().describe(),
                Optional.of(e.summary()),
                Optional.of(new Area(
                        "Closest approach of " + e.a().id().label() + " and "
                                + e.b().id().label(),
                        e.closest().positionA(),
                        e.closest().rangeMetres())));
    }

    /** 3.2.1 msgType: a new encounter is an Alert, a change an Update, its end a Cancel. */
    public enum MsgType {
        ALERT("Alert"),
        UPDATE("Update"),
        CANCEL("Cancel");

        private final String text;

        MsgType(String text) {
            this.text = text;
        }
    }

    /**
     * 3.2.4 area: a circle round the closest approach.
     *
     * @param description areaDesc
     * @param centre the circle's centre
     * @param radiusMetres the circle's radius; written in kilometres, at least 0.1 km
     */
    public record Area(String description, GeoPoint centre, double radiusMetres) {
        public Area {
            if (!(radiusMetres >= 0) || Double.isInfinite(radiusMetres)) {
                throw new IllegalArgumentException("radiusMetres must be a finite number >= 0: " + radiusMetres);
            }
        }
    }

    /** The alert as a CAP 1.2 XML document, UTF-8, two-space indented. */
    public String xml() {
        StringBuilder x = new StringBuilder(1024);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n");
        element(x, 1, "identifier", identifier);
        element(x, 1, "sender", sender);
        element(x, 1, "sent", CAP_TIME.format(sent.atOffset(ZoneOffset.UTC)).replace("+00:00", "-00:00"));
        element(x, 1, "status", "Actual");
        element(x, 1, "msgType", msgType.text);
        element(x, 1, "scope", "Restricted");
        element(x, 1, "restriction", restriction);
        element(x, 1, "incidents", incidents);
        x.append("  <info>\n");
        element(x, 2, "language", "en-US");
        element(x, 2, "category", "Safety");
        element(x, 2, "event", domain == Domain.SEA ? "Unsafe maritime encounter" : "Unsafe air encounter");
        element(x, 2, "urgency", past ? "Past" : "Immediate");
        element(
                x,
                2,
                "severity",
                switch (level) {
                    case HOTLINE -> "Extreme";
                    case UNSAFE -> "Severe";
                    case WATCH -> "Moderate";
                });
        element(x, 2, "certainty", observed ? "Observed" : "Likely");
        element(x, 2, "headline", headline);
        description.ifPresent(d -> element(x, 2, "description", d));
        area.ifPresent(a -> {
            x.append("    <area>\n");
            element(x, 3, "areaDesc", a.description());
            // 3.2.4 circle: "lat,lon radius" with the radius in kilometres.
            element(
                    x,
                    3,
                    "circle",
                    String.format(
                            Locale.ROOT,
                            "%.6f,%.6f %.3f",
                            a.centre().latitudeDegrees(),
                            a.centre().longitudeDegrees(),
                            Math.max(0.1, a.radiusMetres() / 1000)));
            x.append("    </area>\n");
        });
        x.append("  </info>\n");
        x.append("</alert>\n");
        return x.toString();
    }

    private static void element(StringBuilder x, int depth, String name, String text) {
        x.append("  ".repeat(depth)).append('<').append(name).append('>');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '&' -> x.append("&amp;");
                case '"' -> x.append("&quot;");
                default -> x.appendCodePoint(c);
            }
        });
        x.append("</").append(name).append(">\n");
    }
}
