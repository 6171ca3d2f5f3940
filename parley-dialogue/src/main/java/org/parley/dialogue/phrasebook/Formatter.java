package org.parley.dialogue.phrasebook;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/** Shows a {@link Quantity} in the reader's language and unit conventions. */
final class Formatter {
    private static final double METRIC_KILOMETRE_THRESHOLD_METRES = 10_000;

    private Formatter() {}

    static String format(Quantity quantity, DisplayUnit catalogueUnit, Reader reader) {
        Language lang = reader.language();
        boolean metric = reader.units() == UnitSystem.METRIC;
        return switch (quantity) {
            case Quantity.Angle a -> angle(a.degrees());
            case Quantity.Length l -> metric ? metricLength(l.metres(), lang) : length(l.metres(), catalogueUnit, lang);
            case Quantity.Velocity v ->
                metric ? speedKmh(v.metresPerSecond(), lang) : speedKnots(v.metresPerSecond(), lang);
            case Quantity.Height h -> height(h.metres(), metric ? DisplayUnit.M : catalogueUnit, lang);
            case Quantity.Moment t -> time(t, lang);
            case Quantity.Place p -> place(p, lang);
            case Quantity.Count c -> Long.toString(c.value());
            case Quantity.Name n -> n.text();
        };
    }

    /** Three digits, whole degrees, as bridge and cockpit say them; 359.6° rounds to 000°. */
    private static String angle(double degrees) {
        long whole = Math.round(degrees) % 360;
        return String.format(Locale.ROOT, "%03d°", whole);
    }

    private static String length(double metres, DisplayUnit unit, Language lang) {
        return switch (unit) {
            case NM -> decimal(metres / Units.METRES_PER_NAUTICAL_MILE) + word(lang, " NM", "海里");
            case YD -> Math.round(metres / Units.METRES_PER_YARD) + word(lang, " yd", "码");
            case FT -> Math.round(metres / Units.METRES_PER_FOOT) + word(lang, " ft", "英尺");
            case M, NONE, KN -> Math.round(metres) + word(lang, " m", "米");
        };
    }

    private static String metricLength(double metres, Language lang) {
        if (metres >= METRIC_KILOMETRE_THRESHOLD_METRES) {
            return decimal(metres / Units.METRES_PER_KILOMETRE) + word(lang, " km", "公里");
        }
        return Math.round(metres) + word(lang, " m", "米");
    }

    private static String speedKnots(double metresPerSecond, Language lang) {
        return Math.round(metresPerSecond / Units.METRES_PER_SECOND_PER_KNOT) + word(lang, " kn", "节");
    }

    private static String speedKmh(double metresPerSecond, Language lang) {
        return Math.round(metresPerSecond / Units.METRES_PER_SECOND_PER_KMH) + word(lang, " km/h", "公里/小时");
    }

    private static String height(double metres, DisplayUnit unit, Language lang) {
        if (unit == DisplayUnit.FT) {
            return Math.round(metres / Units.METRES_PER_FOOT) + word(lang, " ft", "英尺");
        }
        return Math.round(metres) + word(lang, " m", "米");
    }

    private static String time(Quantity.Moment moment, Language lang) {
        ZonedDateTime t = moment.instant().atZone(ZoneOffset.UTC);
        String clock = t.getSecond() == 0
                ? String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute())
                : String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        return switch (lang) {
            case EN ->
                String.format(
                        Locale.ROOT, "%s UTC %d-%02d-%02d", clock, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
            case ZH ->
                String.format(
                        Locale.ROOT, "协调世界时%d年%d月%d日%s", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), clock);
        };
    }

    /** Degrees and decimal minutes to 0.1′ (about 185 m), the form charts and CUES position reports use. */
    private static String place(Quantity.Place p, Language lang) {
        String lat = degreesMinutes(Math.abs(p.latitudeDegrees()), 2);
        String lon = degreesMinutes(Math.abs(p.longitudeDegrees()), 3);
        boolean north = p.latitudeDegrees() >= 0;
        boolean east = p.longitudeDegrees() >= 0;
        return switch (lang) {
            case EN -> lat + (north ? "N" : "S") + " " + lon + (east ? "E" : "W");
            case ZH -> (north ? "北纬" : "南纬") + lat + "、" + (east ? "东经" : "西经") + lon;
        };
    }

    private static String degreesMinutes(double degrees, int width) {
        long tenthsOfMinute = Math.round(degrees * 600);
        long whole = tenthsOfMinute / 600;
        long tenths = tenthsOfMinute % 600;
        return String.format(Locale.ROOT, "%0" + width + "d°%02d.%d′", whole, tenths / 10, tenths % 10);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String word(Language lang, String english, String chinese) {
        return switch (lang) {
            case EN -> english;
            case ZH -> chinese;
        };
    }
}
