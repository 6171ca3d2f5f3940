package org.parley.ais.gpsd;

import static org.parley.ais.gpsd.Json.bool;
import static org.parley.ais.gpsd.Json.legend;
import static org.parley.ais.gpsd.Json.num;
import static org.parley.ais.gpsd.Json.str;

import org.parley.ais.Acknowledgement;
import org.parley.ais.AddressedBinary;
import org.parley.ais.AisMessage;
import org.parley.ais.ApplicationData;
import org.parley.ais.AssignedModeCommand;
import org.parley.ais.AtonMonitoringData;
import org.parley.ais.BinaryData;
import org.parley.ais.BroadcastBinary;
import org.parley.ais.ChannelManagement;
import org.parley.ais.ClearanceTimeData;
import org.parley.ais.DangerousCargoData;
import org.parley.ais.DataLinkManagement;
import org.parley.ais.DgnssBroadcast;
import org.parley.ais.GroupAssignment;
import org.parley.ais.InlandStaticData;
import org.parley.ais.Interrogation;
import org.parley.ais.MeteoHydroData;
import org.parley.ais.PersonsOnBoardData;
import org.parley.ais.SafetyMessage;
import org.parley.ais.SlotBinary;
import org.parley.ais.SlotReservation;
import org.parley.ais.TextDescriptionData;
import org.parley.ais.TidalWindowData;
import org.parley.ais.UtcInquiry;

/** gpsd members of the binary, text and link-management messages. */
final class OtherMessages {
    private OtherMessages() {}

    static void append(JsonBytes sb, AisMessage message) {
        switch (message) {
            case AddressedBinary m -> {
                num(sb, ",\"seqno\":", m.sequenceNumber());
                num(sb, ",\"dest_mmsi\":", m.destinationMmsi());
                bool(sb, ",\"retransmit\":", m.retransmit());
                num(sb, ",\"dac\":", m.dac());
                num(sb, ",\"fid\":", m.fid());
                application(sb, m.data());
            }
            case BroadcastBinary m -> {
                num(sb, ",\"dac\":", m.dac());
                num(sb, ",\"fid\":", m.fid());
                application(sb, m.data());
            }
            case Acknowledgement m -> {
                num(sb, ",\"mmsi1\":", m.mmsi1());
                num(sb, ",\"mmsi2\":", m.mmsi2());
                num(sb, ",\"mmsi3\":", m.mmsi3());
                num(sb, ",\"mmsi4\":", m.mmsi4());
            }
            case UtcInquiry m -> num(sb, ",\"dest_mmsi\":", m.destinationMmsi());
            case SafetyMessage m -> safety(sb, m);
            case Interrogation m -> interrogation(sb, m);
            case AssignedModeCommand m -> {
                num(sb, ",\"mmsi1\":", m.mmsi1());
                num(sb, ",\"offset1\":", m.offset1());
                num(sb, ",\"increment1\":", m.increment1());
                num(sb, ",\"mmsi2\":", m.mmsi2());
                num(sb, ",\"offset2\":", m.offset2());
                num(sb, ",\"increment2\":", m.increment2());
            }
            case DgnssBroadcast m -> {
                Json.fixed(sb, ",\"lon\":", m.rawLongitude() / 600.0, 1);
                Json.fixed(sb, ",\"lat\":", m.rawLatitude() / 600.0, 1);
                data(sb, m.data());
            }
            case DataLinkManagement m -> dataLink(sb, m);
            case ChannelManagement m -> channel(sb, m);
            case GroupAssignment m -> group(sb, m);
            case SlotBinary m -> slot(sb, m);
            default -> throw new IllegalStateException("no gpsd layout for message type " + message.messageType());
        }
    }

    private static void application(JsonBytes sb, ApplicationData data) {
        switch (data) {
            case BinaryData d -> data(sb, d);
            case MeteoHydroData m -> MeteoHydroJson.append(sb, m);
            case AtonMonitoringData m -> aton(sb, m);
            case InlandStaticData m -> InlandJson.append(sb, m);
            case DangerousCargoData m -> ImoJson.dangerousCargo(sb, m);
            case TidalWindowData m -> ImoJson.tidalWindow(sb, m);
            case ClearanceTimeData m -> ImoJson.clearance(sb, m);
            case TextDescriptionData m -> ImoJson.text(sb, m);
            case PersonsOnBoardData m -> {
                num(sb, ",\"crew\":", m.crew());
                num(sb, ",\"passengers\":", m.passengers());
                num(sb, ",\"personnel\":", m.shipboardPersonnel());
            }
        }
    }

    private static final String[] RACON = {
        "No RACON installed", "RACON not monitored", "RACON operational", "RACON ERROR"
    };
    private static final String[] LIGHT = {"No light or no monitoring", "Light ON", "Light OFF", "Light ERROR"};

    private static void aton(JsonBytes sb, AtonMonitoringData m) {
        bool(sb, ",\"off_pos\":", m.offPosition());
        bool(sb, ",\"alarm\":", m.alarm());
        num(sb, ",\"stat_ext\":", m.statusExtension());
        analogue(sb, ",\"ana_int\":", m.rawAnalogueInternal());
        analogue(sb, ",\"ana_ext1\":", m.rawAnalogueExternal1());
        analogue(sb, ",\"ana_ext2\":", m.rawAnalogueExternal2());
        num(sb, ",\"racon\":", m.raconStatus());
        str(sb, ",\"racon_text\":", RACON[m.raconStatus()]);
        num(sb, ",\"light\":", m.lightStatus());
        str(sb, ",\"light_text\":", LIGHT[m.lightStatus()]);
    }

    /** gpsd prints a voltage (0.05 V steps, two decimals), or the raw 0 when nothing is measured. */
    private static void analogue(JsonBytes sb, String name, int raw) {
        if (raw == 0) {
            num(sb, name, 0);
        } else {
            Json.fixed(sb, name, raw * 0.05, 2);
        }
    }

    static void data(JsonBytes sb, BinaryData d) {
        Json.name(sb, ",\"data\":");
        sb.append('"').append(d.bitCount()).append(':');
        sb.append(d.hex());
        sb.append('"');
    }

    private static void safety(JsonBytes sb, SafetyMessage m) {
        if (m.messageType() == 12) {
            num(sb, ",\"seqno\":", m.sequenceNumber());
            num(sb, ",\"dest_mmsi\":", m.destinationMmsi());
            bool(sb, ",\"retransmit\":", m.retransmit());
        }
        str(sb, ",\"text\":", m.text());
    }

    private static void interrogation(JsonBytes sb, Interrogation m) {
        num(sb, ",\"mmsi1\":", m.mmsi1());
        num(sb, ",\"type1_1\":", m.type11());
        num(sb, ",\"offset1_1\":", m.offset11());
        num(sb, ",\"type1_2\":", m.type12());
        num(sb, ",\"offset1_2\":", m.offset12());
        num(sb, ",\"mmsi2\":", m.mmsi2());
        num(sb, ",\"type2_1\":", m.type21());
        num(sb, ",\"offset2_1\":", m.offset21());
    }

    private static final String[][] RESERVATION_PREFIXES = reservationPrefixes();

    private static String[][] reservationPrefixes() {
        String[][] out = new String[4][];
        for (int i = 0; i < 4; i++) {
            int n = i + 1;
            out[i] = new String[] {
                ",\"offset" + n + "\":", ",\"number" + n + "\":", ",\"timeout" + n + "\":", ",\"increment" + n + "\":"
            };
        }
        return out;
    }

    private static void dataLink(JsonBytes sb, DataLinkManagement m) {
        for (int i = 0; i < 4; i++) {
            SlotReservation r = m.reservations().get(i);
            String[] p = RESERVATION_PREFIXES[i];
            num(sb, p[0], r.offset());
            num(sb, p[1], r.number());
            num(sb, p[2], r.timeoutMinutes());
            num(sb, p[3], r.increment());
        }
    }

    private static void channel(JsonBytes sb, ChannelManagement m) {
        num(sb, ",\"channel_a\":", m.channelA());
        num(sb, ",\"channel_b\":", m.channelB());
        num(sb, ",\"txrx\":", m.txRxMode());
        bool(sb, ",\"power\":", m.highPower());
        if (m.addressed()) {
            num(sb, ",\"dest1\":", m.destinationMmsi1());
            num(sb, ",\"dest2\":", m.destinationMmsi2());
        } else {
            area(
                    sb,
                    m.rawNorthEastLongitude(),
                    m.rawNorthEastLatitude(),
                    m.rawSouthWestLongitude(),
                    m.rawSouthWestLatitude());
        }
        bool(sb, ",\"addressed\":", m.addressed());
        bool(sb, ",\"band_a\":", m.bandA());
        bool(sb, ",\"band_b\":", m.bandB());
        num(sb, ",\"zonesize\":", m.zoneSize());
    }

    /** gpsd prints the corners of messages 22/23 as quoted "%f" strings of 1/10 minute units. */
    private static void area(JsonBytes sb, int neLon, int neLat, int swLon, int swLat) {
        quotedFixed(sb, ",\"ne_lon\":", neLon);
        quotedFixed(sb, ",\"ne_lat\":", neLat);
        quotedFixed(sb, ",\"sw_lon\":", swLon);
        quotedFixed(sb, ",\"sw_lat\":", swLat);
    }

    private static void quotedFixed(JsonBytes sb, String name, int raw) {
        Json.name(sb, name);
        sb.append('"');
        Json.appendFixed(sb, raw / 600.0, 6);
        sb.append('"');
    }

    private static void group(JsonBytes sb, GroupAssignment m) {
        area(
                sb,
                m.rawNorthEastLongitude(),
                m.rawNorthEastLatitude(),
                m.rawSouthWestLongitude(),
                m.rawSouthWestLatitude());
        num(sb, ",\"stationtype\":", m.stationType());
        legend(sb, ",\"stationtype_text\":", Legends.stationType(m.stationType()));
        GpsdJson.shipType(sb, m.shipType());
        num(sb, ",\"interval\":", m.reportingInterval());
        num(sb, ",\"quiet\":", m.quietMinutes());
    }

    private static void slot(JsonBytes sb, SlotBinary m) {
        bool(sb, ",\"addressed\":", m.addressed());
        bool(sb, ",\"structured\":", m.structured());
        num(sb, ",\"dest_mmsi\":", m.destinationMmsi());
        num(sb, ",\"app_id\":", m.applicationId());
        data(sb, m.data());
        if (m.messageType() == 26) {
            num(sb, ",\"radio\":", m.radio());
        }
    }
}
