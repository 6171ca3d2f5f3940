package org.parley.track.csv;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.parley.track.Altitude;
import org.parley.track.AltitudeKind;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;

/**
 * Reads and writes the synthetic report format: comma-separated, {@code #} comments, one header
 * line allowed. Empty optional fields mean "not reported".
 *
 * <pre>
 * time,target,lat,lon,sog_kn,cog_deg,heading_deg,alt_ft,vrate_fpm,nav_status,ship_type,transponder
 * 2023-06-03T10:00:00Z,MMSI:369970093,24.5,119.5,15,30,30,,,0,35,AIS_CLASS_A
 * 2023-05-26T02:00:00Z,ICAO:AE01CE,16.1,113.2,300,45,,26000,0,,,ADSB
 * </pre>
 */
public final class ReportCsv {
    public static final String HEADER =
            "time,target,lat,lon,sog_kn,cog_deg,heading_deg,alt_ft,vrate_fpm,nav_status,ship_type,transponder";
    private static final int FIELDS = 12;

    private ReportCsv() {}

    /** Parses one line; never throws. */
    public static CsvLine parse(String line, long lineNumber) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("time,")) {
            return new CsvLine.Skipped();
        }
        String[] f = trimmed.split(",", -1);
        if (f.length != FIELDS) {
            return new CsvLine.Rejected(lineNumber, "expected " + FIELDS + " fields, found " + f.length);
        }
        try {
            PositionReport.Builder b = PositionReport.builder(
                    target(f[1]), Instant.parse(f[0]), Double.parseDouble(f[2]), Double.parseDouble(f[3]));
            if (!f[4].isEmpty()) {
                b.speedKnots(Double.parseDouble(f[4]));
            }
            if (!f[5].isEmpty()) {
                b.courseDegrees(Double.parseDouble(f[5]));
            }
            if (!f[6].isEmpty()) {
                b.headingDegrees(Double.parseDouble(f[6]));
            }
            if (!f[7].isEmpty()) {
                b.altitude(new Altitude(Double.parseDouble(f[7]), AltitudeKind.BAROMETRIC));
            }
            if (!f[8].isEmpty()) {
                b.verticalRateFeetPerMinute(Double.parseDouble(f[8]));
            }
            if (!f[9].isEmpty()) {
                b.navigationStatus(Integer.parseInt(f[9]));
            }
            if (!f[10].isEmpty()) {
                b.shipType(Integer.parseInt(f[10]));
            }
            if (!f[11].isEmpty()) {
                b.transponder(Transponder.valueOf(f[11].toUpperCase(Locale.ROOT)));
            }
            return new CsvLine.Report(b.build());
        } catch (DateTimeParseException e) {
            return new CsvLine.Rejected(lineNumber, "time is not an ISO-8601 instant: " + f[0]);
        } catch (IllegalArgumentException e) {
            // NumberFormatException is one of these; so are the report's own range checks.
            return new CsvLine.Rejected(lineNumber, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static TargetId target(String field) {
        if (field.startsWith("MMSI:")) {
            return new TargetId.Mmsi(Integer.parseInt(field.substring(5)));
        }
        if (field.startsWith("ICAO:")) {
            return TargetId.IcaoAddress.parse(field.substring(5));
        }
        throw new IllegalArgumentException("target must be MMSI:<9 digits> or ICAO:<6 hex digits>: " + field);
    }

    /** Formats one report as a line of this format (no newline). */
    public static String format(PositionReport r) {
        String target = switch (r.target()) {
            case TargetId.Mmsi m -> "MMSI:" + String.format(Locale.ROOT, "%09d", m.value());
            case TargetId.IcaoAddress a -> String.format(Locale.ROOT, "ICAO:%06X", a.value());
        };
        return String.join(
                ",",
                r.time().toString(),
                target,
                String.format(Locale.ROOT, "%.7f", r.latitudeDegrees()),
                String.format(Locale.ROOT, "%.7f", r.longitudeDegrees()),
                r.speedKnots().isPresent()
                        ? String.format(Locale.ROOT, "%.2f", r.speedKnots().getAsDouble())
                        : "",
                r.courseDegrees().isPresent()
                        ? String.format(Locale.ROOT, "%.2f", r.courseDegrees().getAsDouble())
                        : "",
                r.headingDegrees().isPresent()
                        ? String.format(Locale.ROOT, "%.1f", r.headingDegrees().getAsDouble())
                        : "",
                r.altitude()
                        .map(a -> String.format(Locale.ROOT, "%.0f", a.altitudeFeet()))
                        .orElse(""),
                r.verticalRateFeetPerMinute().isPresent()
                        ? String.format(
                                Locale.ROOT,
                                "%.0f",
                                r.verticalRateFeetPerMinute().getAsDouble())
                        : "",
                r.navigationStatus().isPresent()
                        ? Integer.toString(r.navigationStatus().getAsInt())
                        : "",
                r.shipType().isPresent() ? Integer.toString(r.shipType().getAsInt()) : "",
                r.transponder().name());
    }
}
