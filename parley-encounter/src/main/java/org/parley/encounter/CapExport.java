package org.parley.encounter;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * OASIS Common Alerting Protocol 1.2 (CAP-V1.2, 2010) for one encounter event. Clause references
 * are to that standard, section 3.2. Times are "-00:00"-style offsets without fractions (3.3.2:
 * "Z" is not allowed).
 */
final class CapExport {
    private static final DateTimeFormatter CAP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private CapExport() {}

    static String alert(EncounterEvent e, String sender) {
        String sent = CAP_TIME.format(e.time().atOffset(ZoneOffset.UTC)).replace("+00:00", "-00:00");
        StringBuilder x = new StringBuilder(1024);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n");
        element(
                x,
                1,
                "identifier",
                e.incidentId() + "_" + e.kind() + "_" + e.time().getEpochSecond());
        element(x, 1, "sender", sender);
        element(x, 1, "sent", sent);
        element(x, 1, "status", "Actual");
        // 3.2.1 msgType: a new incident is an Alert, an escalation an Update, closing a Cancel.
        element(
                x,
                1,
                "msgType",
                switch (e.kind()) {
                    case OPENED -> "Alert";
                    case ESCALATED -> "Update";
                    case CLOSED -> "Cancel";
                });
        element(x, 1, "scope", "Restricted");
        element(x, 1, "restriction", "Parties' duty officers only");
        element(x, 1, "incidents", e.incidentId());
        x.append("  <info>\n");
        element(x, 2, "language", "en-US");
        element(x, 2, "category", "Safety");
        element(
                x,
                2,
                "event",
                (e.domain().name().equals("SEA") ? "Unsafe maritime encounter" : "Unsafe air encounter"));
        element(x, 2, "urgency", e.kind() == EncounterEvent.Kind.CLOSED ? "Past" : "Immediate");
        element(
                x,
                2,
                "severity",
                switch (e.level()) {
                    case HOTLINE -> "Extreme";
                    case UNSAFE -> "Severe";
                    case WATCH -> "Moderate";
                });
        element(x, 2, "certainty", e.kind() == EncounterEvent.Kind.OPENED ? "Likely" : "Observed");
        element(x, 2, "headline", e.level() + " " + e.a().describe() + " / " + e.b().describe());
        element(x, 2, "description", e.summary());
        x.append("    <area>\n");
        element(
                x,
                3,
                "areaDesc",
                "Closest approach of " + e.a().id().label() + " and "
                        + e.b().id().label());
        GeoPoint p = e.closest().positionA();
        // 3.2.4 circle: "lat,lon radius" with the radius in kilometres.
        double radiusKm = Math.max(0.1, e.closest().rangeMetres() / 1000);
        element(
                x,
                3,
                "circle",
                String.format(Locale.ROOT, "%.6f,%.6f %.3f", p.latitudeDegrees(), p.longitudeDegrees(), radiusKm));
        x.append("    </area>\n");
        x.append("  </info>\n");
        x.append("</alert>\n");
        return x.toString();
    }

    private static void element(StringBuilder x, int depth, String name, String text) {
        x.append("  ".repeat(depth)).append('<').append(name).append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '&' -> x.append("&amp;");
                case '"' -> x.append("&quot;");
                default -> x.append(c);
            }
        }
        x.append("</").append(name).append(">\n");
    }
}
