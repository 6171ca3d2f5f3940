package org.parley.dialogue.phrasebook;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses argument text (the wire form of a parameter) into a range-checked {@link Quantity}. Never
 * throws: a bad argument becomes {@link Parsed.Bad} with a reason the sender can act on.
 */
final class Arguments {
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*([A-Za-z/°]*)\\s*");
    private static final Pattern POSITION =
            Pattern.compile("\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*,\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*");
    private static final double MAX_DISTANCE_METRES = 1000 * Units.METRES_PER_NAUTICAL_MILE;
    private static final double MAX_SPEED_KNOTS = 2000;
    private static final double MIN_ALTITUDE_FEET = -1500;
    private static final double MAX_ALTITUDE_FEET = 100_000;
    private static final Pattern COUNT = Pattern.compile("\\s*(\\d{1,6})\\s*");
    /** Letters of any script, digits, spaces and - . ' / ( ): names of places and units, no markup. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} .'/()-]{0,39}");

    private static final long MAX_COUNT = 100_000;
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /** Outcome of parsing one argument. */
    sealed interface Parsed {
        record Ok(Quantity quantity) implements Parsed {}

        record Bad(String reason) implements Parsed {}
    }

    private Arguments() {}

    static Parsed parse(ParameterKind kind, String text) {
        return switch (kind) {
            case COURSE, BEARING -> angle(text);
            case DISTANCE -> distance(text);
            case SPEED -> speed(text);
            case ALTITUDE -> altitude(text);
            case TIME -> time(text);
            case POSITION -> position(text);
            case COUNT -> count(text);
            case NAME -> name(text);
        };
    }

    private static Parsed angle(String text) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        if (!m.matches()
                || !(m.group(2).isEmpty()
                        || m.group(2).equals("°")
                        || m.group(2).equals("deg"))) {
            return new Parsed.Bad("'" + text + "' is not an angle in degrees true, e.g. 045 or 45.5deg");
        }
        double degrees = Double.parseDouble(m.group(1));
        if (degrees < 0 || degrees >= 360) {
            return new Parsed.Bad(degrees + "° is out of range: degrees true must be in [0, 360)");
        }
        return new Parsed.Ok(new Quantity.Angle(degrees));
    }

    private static Parsed distance(String text) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        double perUnit = m.matches() ? metresPerDistanceUnit(m.group(2)) : Double.NaN;
        if (Double.isNaN(perUnit)) {
            return new Parsed.Bad(
                    "'" + text + "' is not a distance with a unit, e.g. 150yd, 1.5NM, 300m, 2km or 500ft");
        }
        double metres = Double.parseDouble(m.group(1)) * perUnit;
        if (metres < 0 || metres > MAX_DISTANCE_METRES) {
            return new Parsed.Bad("distance " + text.strip() + " is out of range: must be 0 to 1000 NM");
        }
        return new Parsed.Ok(new Quantity.Length(metres));
    }

    private static double metresPerDistanceUnit(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "m" -> 1.0;
            case "km" -> Units.METRES_PER_KILOMETRE;
            case "nm" -> Units.METRES_PER_NAUTICAL_MILE;
            case "yd" -> Units.METRES_PER_YARD;
            case "ft" -> Units.METRES_PER_FOOT;
            default -> Double.NaN;
        };
    }

    private static Parsed speed(String text) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        String unit = m.matches() ? m.group(2).toLowerCase(Locale.ROOT) : "";
        double perUnit = switch (unit) {
            case "kn", "kt" -> Units.METRES_PER_SECOND_PER_KNOT;
            case "km/h" -> Units.METRES_PER_SECOND_PER_KMH;
            case "m/s" -> 1.0;
            default -> Double.NaN;
        };
        if (Double.isNaN(perUnit)) {
            return new Parsed.Bad("'" + text + "' is not a speed with a unit, e.g. 12kn, 30km/h or 6m/s");
        }
        double metresPerSecond = Double.parseDouble(m.group(1)) * perUnit;
        if (metresPerSecond < 0 || metresPerSecond > MAX_SPEED_KNOTS * Units.METRES_PER_SECOND_PER_KNOT) {
            return new Parsed.Bad("speed " + text.strip() + " is out of range: must be 0 to 2000 kn");
        }
        return new Parsed.Ok(new Quantity.Velocity(metresPerSecond));
    }

    private static Parsed altitude(String text) {
        Matcher m = NUMBER_WITH_UNIT.matcher(text);
        String unit = m.matches() ? m.group(2).toLowerCase(Locale.ROOT) : "";
        double perUnit = switch (unit) {
            case "ft" -> Units.METRES_PER_FOOT;
            case "m" -> 1.0;
            default -> Double.NaN;
        };
        if (Double.isNaN(perUnit)) {
            return new Parsed.Bad("'" + text + "' is not an altitude with a unit, e.g. 3000ft or 900m");
        }
        double metres = Double.parseDouble(m.group(1)) * perUnit;
        if (metres < MIN_ALTITUDE_FEET * Units.METRES_PER_FOOT || metres > MAX_ALTITUDE_FEET * Units.METRES_PER_FOOT) {
            return new Parsed.Bad("altitude " + text.strip() + " is out of range: must be -1500 ft to 100000 ft");
        }
        return new Parsed.Ok(new Quantity.Height(metres));
    }

    private static Parsed time(String text) {
        Instant instant;
        try {
            instant = Instant.parse(text.strip());
        } catch (DateTimeException e) {
            return new Parsed.Bad("'" + text + "' is not a UTC time in ISO-8601, e.g. 2026-08-03T14:05:00Z");
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            return new Parsed.Bad("time " + instant + " is out of range: must be in the years 2000 to 2199");
        }
        return new Parsed.Ok(new Quantity.Moment(instant));
    }

    private static Parsed position(String text) {
        Matcher m = POSITION.matcher(text);
        if (!m.matches()) {
            return new Parsed.Bad("'" + text + "' is not a position as decimal degrees lat,lon, e.g. 21.5,114.25");
        }
        double lat = Double.parseDouble(m.group(1));
        double lon = Double.parseDouble(m.group(2));
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            return new Parsed.Bad(
                    "position " + text.strip() + " is out of range: latitude -90..90, longitude -180..180");
        }
        return new Parsed.Ok(new Quantity.Place(lat, lon));
    }

    private static Parsed count(String text) {
        Matcher m = COUNT.matcher(text);
        if (!m.matches()) {
            return new Parsed.Bad("'" + text + "' is not a whole number, e.g. 24");
        }
        long value = Long.parseLong(m.group(1));
        if (value > MAX_COUNT) {
            return new Parsed.Bad(value + " is out of range: a count is 0 to " + MAX_COUNT);
        }
        return new Parsed.Ok(new Quantity.Count(value));
    }

    private static Parsed name(String text) {
        String name = text.strip();
        if (!NAME.matcher(name).matches()) {
            return new Parsed.Bad("'" + text + "' is not a name: 1 to 40 letters, digits, spaces and - . ' / ( ),"
                    + " starting with a letter or digit, e.g. Lingshui (ZJLS)");
        }
        return new Parsed.Ok(new Quantity.Name(name));
    }
}
