package org.parley.ais.gpsd;

import static org.parley.ais.gpsd.Json.bool;
import static org.parley.ais.gpsd.Json.legend;
import static org.parley.ais.gpsd.Json.num;
import static org.parley.ais.gpsd.Json.ratio;
import static org.parley.ais.gpsd.Json.str;

import org.parley.ais.AidToNavigationReport;
import org.parley.ais.AisMessage;
import org.parley.ais.BaseStationReport;
import org.parley.ais.ClassAPositionReport;
import org.parley.ais.ClassBExtendedReport;
import org.parley.ais.ClassBPositionReport;
import org.parley.ais.LongRangeReport;
import org.parley.ais.SarAircraftReport;
import org.parley.ais.ShipDimensions;
import org.parley.ais.StaticDataReport;
import org.parley.ais.StaticVoyageData;

/**
 * Writes decoded messages as gpsd {@code gpsdecode -j} JSON objects (scaled form): same member
 * names, order and scaling, so outputs compare line by line.
 *
 * <p>Like gpsdecode, a message 24 part A is held until the part B of the same MMSI arrives and the
 * two are printed as one object; an unmatched part prints nothing. The instance keeps that state,
 * so use one per stream.
 */
public final class GpsdJson {
    private final Type24Merger merger = new Type24Merger();
    private final JsonBytes scratch = new JsonBytes(1 << 10);

    /**
     * Appends one JSON object (no newline) for {@code message}; returns false and appends nothing
     * when gpsdecode would print nothing for it (a held message 24 part).
     */
    public boolean append(AisMessage message, StringBuilder sb) {
        scratch.clear();
        boolean printed = append(message, scratch);
        scratch.appendTo(sb);
        return printed;
    }

    /**
     * Appends one JSON object (no newline) for {@code message} as UTF-8 bytes; returns false and
     * appends nothing when gpsdecode would print nothing for it (a held message 24 part).
     */
    public boolean append(AisMessage message, JsonBytes sb) {
        if (message instanceof StaticDataReport part) {
            return merger.append(part, sb);
        }
        if (message instanceof ClassAPositionReport m) {
            classA(sb, m); // writes its own head and closing brace
            return true;
        }
        head(sb, message);
        switch (message) {
            case BaseStationReport m -> baseStation(sb, m);
            case StaticVoyageData m -> voyage(sb, m);
            case SarAircraftReport m -> sar(sb, m);
            case ClassBPositionReport m -> classB(sb, m);
            case ClassBExtendedReport m -> classBExtended(sb, m);
            case AidToNavigationReport m -> aid(sb, m);
            case LongRangeReport m -> longRange(sb, m);
            default -> OtherMessages.append(sb, message);
        }
        sb.append('}');
        return true;
    }

    static void head(JsonBytes sb, AisMessage m) {
        byte[] b = sb.reserve(64);
        int p = sb.length();
        p = Put.bytes(b, p, HEAD);
        p = Put.digits(b, p, m.messageType());
        p = Put.bytes(b, p, REPEAT);
        p = Put.digits(b, p, m.repeat());
        p = Put.bytes(b, p, MMSI);
        p = Put.digits(b, p, m.mmsi());
        sb.advance(Put.bytes(b, p, SCALED));
    }

    private static final byte[] HEAD = Put.ascii("{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":");
    private static final byte[] REPEAT = Put.ascii(",\"repeat\":");
    private static final byte[] MMSI = Put.ascii(",\"mmsi\":");
    private static final byte[] SCALED = Put.ascii(",\"scaled\":true");
    private static final byte[] SCALED_STATUS = Put.ascii(",\"scaled\":true,\"status\":");
    private static final byte[] STATUS_TEXT = Put.ascii(",\"status_text\":\"");
    private static final byte[][] STATUS_LEGENDS = new byte[16][];

    static {
        for (int i = 0; i < 16; i++) {
            STATUS_LEGENDS[i] = Put.ascii(Legends.navigationStatus(i) + "\",\"turn\":");
        }
    }

    private static final byte[] NAN = Put.ascii("\"nan\"");
    private static final byte[] FAST_LEFT = Put.ascii("\"fastleft\"");
    private static final byte[] FAST_RIGHT = Put.ascii("\"fastright\"");
    private static final byte[] FAST = Put.ascii("\"fast\"");
    private static final byte[] SPEED = Put.ascii(",\"speed\":");
    private static final byte[] ACCURACY = Put.ascii(",\"accuracy\":");
    private static final byte[] LON = Put.ascii(",\"lon\":");
    private static final byte[] LAT = Put.ascii(",\"lat\":");
    private static final byte[] COURSE = Put.ascii(",\"course\":");
    private static final byte[] HEADING = Put.ascii(",\"heading\":");
    private static final byte[] SECOND = Put.ascii(",\"second\":");
    private static final byte[] MANEUVER = Put.ascii(",\"maneuver\":");
    private static final byte[] RAIM = Put.ascii(",\"raim\":");
    private static final byte[] RADIO = Put.ascii(",\"radio\":");

    /** Messages 1-3 in one pass with the position in a local: the commonest object by far. */
    private static void classA(JsonBytes sb, ClassAPositionReport m) {
        byte[] b = sb.reserve(512);
        int p = sb.length();
        p = Put.bytes(b, p, HEAD);
        p = Put.digits(b, p, m.messageType());
        p = Put.bytes(b, p, REPEAT);
        p = Put.digits(b, p, m.repeat());
        p = Put.bytes(b, p, MMSI);
        p = Put.digits(b, p, m.mmsi());
        p = Put.bytes(b, p, SCALED_STATUS);
        p = Put.digits(b, p, m.navigationStatusCode());
        p = Put.bytes(b, p, STATUS_TEXT);
        p = Put.bytes(b, p, STATUS_LEGENDS[m.navigationStatusCode() & 15]);
        p = turn(b, p, m.rawTurn());
        p = Put.bytes(b, p, SPEED);
        if (m.rawSpeed() == 1023) {
            p = Put.bytes(b, p, NAN);
        } else if (m.rawSpeed() == 1022) {
            p = Put.bytes(b, p, FAST); // Table 45: 1022 = 102.2 knots or more
        } else {
            p = Put.tenths(b, p, m.rawSpeed());
        }
        p = motion(
                b,
                p,
                m.accuracy(),
                m.rawLongitude(),
                m.rawLatitude(),
                m.rawCourse(),
                m.rawHeading(),
                m.timestampSecond());
        p = Put.bytes(b, p, MANEUVER);
        p = Put.digits(b, p, m.manoeuvre());
        p = Put.bytes(b, p, RAIM);
        p = Put.bool(b, p, m.raim());
        p = Put.bytes(b, p, RADIO);
        p = Put.digits(b, p, m.radio());
        b[p] = '}';
        sb.advance(p + 1);
    }

    /** accuracy, lon, lat, course, heading, second: the members messages 1-3 and 18 share, in gpsd's order. */
    private static int motion(
            byte[] b, int p, boolean accuracy, int rawLon, int rawLat, int rawCourse, int heading, int second) {
        int pos = fix(b, p, accuracy, rawLon, rawLat);
        pos = Put.bytes(b, pos, COURSE);
        pos = Put.tenths(b, pos, rawCourse);
        pos = Put.bytes(b, pos, HEADING);
        pos = Put.digits(b, pos, heading);
        pos = Put.bytes(b, pos, SECOND);
        return Put.digits(b, pos, second);
    }

    /** accuracy, lon, lat (positions in 1/10 000 minute, ITU-R M.1371-5 Table 45). */
    private static int fix(byte[] b, int p, boolean accuracy, int rawLon, int rawLat) {
        int pos = Put.bytes(b, p, ACCURACY);
        pos = Put.bool(b, pos, accuracy);
        pos = Put.bytes(b, pos, LON);
        pos = Put.degrees7(b, pos, rawLon);
        pos = Put.bytes(b, pos, LAT);
        return Put.degrees7(b, pos, rawLat);
    }

    private static int turn(byte[] b, int p, int turn) {
        if (turn == -128) {
            return Put.bytes(b, p, NAN);
        }
        if (turn == -127 || turn == 127) {
            return Put.bytes(b, p, turn < 0 ? FAST_LEFT : FAST_RIGHT);
        }
        // gpsd prints (ROT_AIS/4.733)^2 without the sign (direction is lost in its output).
        double root = turn / 4.733;
        return Put.digits(b, p, (int) Math.round(root * root));
    }

    static void lonLat(JsonBytes sb, int rawLon, int rawLat) {
        Json.degrees7(sb, ",\"lon\":", rawLon);
        Json.degrees7(sb, ",\"lat\":", rawLat);
    }

    private static final byte[] TIMESTAMP = Put.ascii(",\"timestamp\":\"");

    private static void baseStation(JsonBytes sb, BaseStationReport m) {
        byte[] b = sb.reserve(256);
        int p = Put.bytes(b, sb.length(), TIMESTAMP);
        p = Put.padded(b, p, m.year(), 4);
        b[p++] = '-';
        p = Put.padded(b, p, m.month(), 2);
        b[p++] = '-';
        p = Put.padded(b, p, m.day(), 2);
        b[p++] = 'T';
        p = Put.padded(b, p, m.hour(), 2);
        b[p++] = ':';
        p = Put.padded(b, p, m.minute(), 2);
        b[p++] = ':';
        p = Put.padded(b, p, m.second(), 2);
        b[p++] = 'Z';
        b[p++] = '"';
        p = fix(b, p, m.accuracy(), m.rawLongitude(), m.rawLatitude());
        sb.advance(p);
        epfd(sb, m.epfd());
        bool(sb, ",\"raim\":", m.raim());
        num(sb, ",\"radio\":", m.radio());
    }

    static void epfd(JsonBytes sb, int epfd) {
        num(sb, ",\"epfd\":", epfd);
        legend(sb, ",\"epfd_text\":", Legends.epfd(epfd));
    }

    static void shipType(JsonBytes sb, int type) {
        num(sb, ",\"shiptype\":", type);
        legend(sb, ",\"shiptype_text\":", Legends.shipType(type));
    }

    static void dimensions(JsonBytes sb, ShipDimensions d) {
        num(sb, ",\"to_bow\":", d.toBowMetres());
        num(sb, ",\"to_stern\":", d.toSternMetres());
        num(sb, ",\"to_port\":", d.toPortMetres());
        num(sb, ",\"to_starboard\":", d.toStarboardMetres());
    }

    private static void voyage(JsonBytes sb, StaticVoyageData m) {
        num(sb, ",\"imo\":", m.imo());
        num(sb, ",\"ais_version\":", m.aisVersion());
        str(sb, ",\"callsign\":", m.callsign());
        str(sb, ",\"shipname\":", m.shipName());
        shipType(sb, m.shipType());
        dimensions(sb, m.dimensions());
        epfd(sb, m.epfd());
        Json.name(sb, ",\"eta\":");
        sb.append('"');
        Json.two(sb, m.etaMonth());
        sb.append('-');
        Json.two(sb, m.etaDay());
        sb.append('T');
        Json.two(sb, m.etaHour());
        sb.append(':');
        Json.two(sb, m.etaMinute());
        sb.ascii("Z\"");
        ratio(sb, ",\"draught\":", m.rawDraught(), 10, 1);
        str(sb, ",\"destination\":", m.destination());
        num(sb, ",\"dte\":", m.dte() ? 1 : 0);
    }

    private static void sar(JsonBytes sb, SarAircraftReport m) {
        Json.name(sb, ",\"alt\":");
        if (m.rawAltitude() == 4095) {
            sb.ascii("\"nan\"");
        } else {
            sb.append(m.rawAltitude());
        }
        Json.name(sb, ",\"speed\":");
        if (m.rawSpeed() == 1023) {
            sb.ascii("\"nan\"");
        } else if (m.rawSpeed() == 1022) {
            sb.ascii("\"fast\"");
        } else {
            sb.append(m.rawSpeed());
        }
        bool(sb, ",\"accuracy\":", m.accuracy());
        lonLat(sb, m.rawLongitude(), m.rawLatitude());
        Json.tenths(sb, ",\"course\":", m.rawCourse());
        num(sb, ",\"second\":", m.timestampSecond());
        num(sb, ",\"regional\":", m.regional());
        num(sb, ",\"dte\":", m.dte() ? 1 : 0);
        bool(sb, ",\"raim\":", m.raim());
        num(sb, ",\"radio\":", m.radio());
    }

    private static final byte[] RESERVED = Put.ascii(",\"reserved\":");
    private static final byte[] REGIONAL = Put.ascii(",\"regional\":");
    private static final byte[] CS = Put.ascii(",\"cs\":");
    private static final byte[] DISPLAY = Put.ascii(",\"display\":");
    private static final byte[] DSC = Put.ascii(",\"dsc\":");
    private static final byte[] BAND = Put.ascii(",\"band\":");
    private static final byte[] MSG22 = Put.ascii(",\"msg22\":");

    /** reserved and speed: the start of messages 18 and 19. */
    private static int classBStart(byte[] b, int p, int reserved, int rawSpeed) {
        int pos = Put.bytes(b, p, RESERVED);
        pos = Put.digits(b, pos, reserved);
        pos = Put.bytes(b, pos, SPEED);
        return Put.tenths(b, pos, rawSpeed);
    }

    private static void classB(JsonBytes sb, ClassBPositionReport m) {
        byte[] b = sb.reserve(512);
        int p = classBStart(b, sb.length(), m.reserved(), m.rawSpeed());
        p = motion(
                b,
                p,
                m.accuracy(),
                m.rawLongitude(),
                m.rawLatitude(),
                m.rawCourse(),
                m.rawHeading(),
                m.timestampSecond());
        p = Put.bytes(b, p, REGIONAL);
        p = Put.digits(b, p, m.regional());
        p = Put.bytes(b, p, CS);
        p = Put.bool(b, p, m.carrierSense());
        p = Put.bytes(b, p, DISPLAY);
        p = Put.bool(b, p, m.display());
        p = Put.bytes(b, p, DSC);
        p = Put.bool(b, p, m.dsc());
        p = Put.bytes(b, p, BAND);
        p = Put.bool(b, p, m.band());
        p = Put.bytes(b, p, MSG22);
        p = Put.bool(b, p, m.message22());
        p = Put.bytes(b, p, RAIM);
        p = Put.bool(b, p, m.raim());
        p = Put.bytes(b, p, RADIO);
        sb.advance(Put.digits(b, p, m.radio()));
    }

    /** Message 19 begins as message 18 does (ITU-R M.1371-5 Table 71 and 70), up to the regional bits. */
    private static void classBExtended(JsonBytes sb, ClassBExtendedReport m) {
        byte[] b = sb.reserve(512);
        int p = classBStart(b, sb.length(), m.reserved(), m.rawSpeed());
        p = motion(
                b,
                p,
                m.accuracy(),
                m.rawLongitude(),
                m.rawLatitude(),
                m.rawCourse(),
                m.rawHeading(),
                m.timestampSecond());
        p = Put.bytes(b, p, REGIONAL);
        sb.advance(Put.digits(b, p, m.regional()));
        str(sb, ",\"shipname\":", m.shipName());
        shipType(sb, m.shipType());
        dimensions(sb, m.dimensions());
        epfd(sb, m.epfd());
        bool(sb, ",\"raim\":", m.raim());
        num(sb, ",\"dte\":", m.dte() ? 1 : 0);
        bool(sb, ",\"assigned\":", m.assigned());
    }

    private static void aid(JsonBytes sb, AidToNavigationReport m) {
        num(sb, ",\"aid_type\":", m.aidType());
        legend(sb, ",\"aid_type_text\":", Legends.aidType(m.aidType()));
        str(sb, ",\"name\":", m.name());
        lonLat(sb, m.rawLongitude(), m.rawLatitude());
        bool(sb, ",\"accuracy\":", m.accuracy());
        dimensions(sb, m.dimensions());
        epfd(sb, m.epfd());
        num(sb, ",\"second\":", m.timestampSecond());
        num(sb, ",\"regional\":", m.regional());
        bool(sb, ",\"off_position\":", m.offPosition());
        bool(sb, ",\"raim\":", m.raim());
        bool(sb, ",\"virtual_aid\":", m.virtualAid());
    }

    private static void longRange(JsonBytes sb, LongRangeReport m) {
        num(sb, ",\"status\":", m.navigationStatusCode());
        legend(sb, ",\"status_text\":", Legends.navigationStatus(m.navigationStatusCode()));
        bool(sb, ",\"accuracy\":", m.accuracy());
        // Message 27 positions are in 1/10 minute (ITU-R M.1371-5 Table 81).
        ratio(sb, ",\"lon\":", m.rawLongitude(), 600, 4);
        ratio(sb, ",\"lat\":", m.rawLatitude(), 600, 4);
        num(sb, ",\"speed\":", m.rawSpeed());
        num(sb, ",\"course\":", m.rawCourse());
        bool(sb, ",\"raim\":", m.raim());
        bool(sb, ",\"gnss\":", m.gnssLatency());
    }
}
