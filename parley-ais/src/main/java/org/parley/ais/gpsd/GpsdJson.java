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
    /** Position unit of messages 1-3, 4, 9, 18, 19, 21: 1/10 000 minute (ITU-R M.1371-5 Table 45). */
    private static final long TEN_THOUSANDTH_MINUTES_PER_DEGREE = 600_000;

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
        head(sb, message);
        switch (message) {
            case ClassAPositionReport m -> classA(sb, m);
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
        sb.ascii("{\"class\":\"AIS\",\"device\":\"stdin\",\"type\":").append(m.messageType());
        num(sb, ",\"repeat\":", m.repeat());
        num(sb, ",\"mmsi\":", m.mmsi());
        sb.ascii(",\"scaled\":true");
    }

    private static void classA(JsonBytes sb, ClassAPositionReport m) {
        num(sb, ",\"status\":", m.navigationStatusCode());
        legend(sb, ",\"status_text\":", Legends.navigationStatus(m.navigationStatusCode()));
        Json.name(sb, ",\"turn\":");
        int turn = m.rawTurn();
        if (turn == -128) {
            sb.ascii("\"nan\"");
        } else if (turn == -127 || turn == 127) {
            sb.append(turn < 0 ? "\"fastleft\"" : "\"fastright\"");
        } else {
            // gpsd prints (ROT_AIS/4.733)^2 without the sign (direction is lost in its output).
            double root = turn / 4.733;
            Json.appendFixed(sb, root * root, 0);
        }
        Json.name(sb, ",\"speed\":");
        if (m.rawSpeed() == 1023) {
            sb.ascii("\"nan\"");
        } else if (m.rawSpeed() == 1022) {
            sb.ascii("\"fast\""); // Table 45: 1022 = 102.2 knots or more
        } else {
            Json.appendRatio(sb, m.rawSpeed(), 10, 1);
        }
        bool(sb, ",\"accuracy\":", m.accuracy());
        lonLat(sb, m.rawLongitude(), m.rawLatitude());
        ratio(sb, ",\"course\":", m.rawCourse(), 10, 1);
        num(sb, ",\"heading\":", m.rawHeading());
        num(sb, ",\"second\":", m.timestampSecond());
        num(sb, ",\"maneuver\":", m.manoeuvre());
        bool(sb, ",\"raim\":", m.raim());
        num(sb, ",\"radio\":", m.radio());
    }

    static void lonLat(JsonBytes sb, int rawLon, int rawLat) {
        ratio(sb, ",\"lon\":", rawLon, TEN_THOUSANDTH_MINUTES_PER_DEGREE, 7);
        ratio(sb, ",\"lat\":", rawLat, TEN_THOUSANDTH_MINUTES_PER_DEGREE, 7);
    }

    private static void baseStation(JsonBytes sb, BaseStationReport m) {
        Json.name(sb, ",\"timestamp\":");
        sb.append('"');
        String year = Integer.toString(m.year());
        sb.append("0000", 0, Math.max(0, 4 - year.length())).append(year).append('-');
        Json.two(sb, m.month());
        sb.append('-');
        Json.two(sb, m.day());
        sb.append('T');
        Json.two(sb, m.hour());
        sb.append(':');
        Json.two(sb, m.minute());
        sb.append(':');
        Json.two(sb, m.second());
        sb.ascii("Z\"");
        bool(sb, ",\"accuracy\":", m.accuracy());
        lonLat(sb, m.rawLongitude(), m.rawLatitude());
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
        ratio(sb, ",\"course\":", m.rawCourse(), 10, 1);
        num(sb, ",\"second\":", m.timestampSecond());
        num(sb, ",\"regional\":", m.regional());
        num(sb, ",\"dte\":", m.dte() ? 1 : 0);
        bool(sb, ",\"raim\":", m.raim());
        num(sb, ",\"radio\":", m.radio());
    }

    private static void classB(JsonBytes sb, ClassBPositionReport m) {
        num(sb, ",\"reserved\":", m.reserved());
        ratio(sb, ",\"speed\":", m.rawSpeed(), 10, 1);
        bool(sb, ",\"accuracy\":", m.accuracy());
        lonLat(sb, m.rawLongitude(), m.rawLatitude());
        ratio(sb, ",\"course\":", m.rawCourse(), 10, 1);
        num(sb, ",\"heading\":", m.rawHeading());
        num(sb, ",\"second\":", m.timestampSecond());
        num(sb, ",\"regional\":", m.regional());
        bool(sb, ",\"cs\":", m.carrierSense());
        bool(sb, ",\"display\":", m.display());
        bool(sb, ",\"dsc\":", m.dsc());
        bool(sb, ",\"band\":", m.band());
        bool(sb, ",\"msg22\":", m.message22());
        bool(sb, ",\"raim\":", m.raim());
        num(sb, ",\"radio\":", m.radio());
    }

    private static void classBExtended(JsonBytes sb, ClassBExtendedReport m) {
        num(sb, ",\"reserved\":", m.reserved());
        ratio(sb, ",\"speed\":", m.rawSpeed(), 10, 1);
        bool(sb, ",\"accuracy\":", m.accuracy());
        lonLat(sb, m.rawLongitude(), m.rawLatitude());
        ratio(sb, ",\"course\":", m.rawCourse(), 10, 1);
        num(sb, ",\"heading\":", m.rawHeading());
        num(sb, ",\"second\":", m.timestampSecond());
        num(sb, ",\"regional\":", m.regional());
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
