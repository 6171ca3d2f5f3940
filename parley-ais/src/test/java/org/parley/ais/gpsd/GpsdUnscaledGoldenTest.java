package org.parley.ais.gpsd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.ais.AidToNavigationReport;
import org.parley.ais.AisDecoder;
import org.parley.ais.AisMessage;
import org.parley.ais.AisResult;
import org.parley.ais.BaseStationReport;
import org.parley.ais.ChannelManagement;
import org.parley.ais.ClassAPositionReport;
import org.parley.ais.ClassBExtendedReport;
import org.parley.ais.ClassBPositionReport;
import org.parley.ais.DgnssBroadcast;
import org.parley.ais.GroupAssignment;
import org.parley.ais.LongRangeReport;
import org.parley.ais.SarAircraftReport;
import org.parley.ais.ShipDimensions;
import org.parley.ais.StaticDataReport;
import org.parley.ais.StaticVoyageData;
import org.parley.testing.Corpus;

/**
 * gpsd's unscaled expected output (test/sample.aivdm.ju.chk, {@code gpsdecode -u -j}) against the
 * transmitted values our records keep ({@code rawLongitude}, {@code rawSpeed}, ...), field by field,
 * for every positional and static message type.
 */
class GpsdUnscaledGoldenTest {

    @Test
    void decode_gpsdSample_rawRecordValuesMatchUnscaledGolden() {
        List<String> expected = Corpus.lines("ais/gpsd_sample.aivdm.ju.chk");
        List<AisMessage> printed = printedMessages("ais/gpsd_sample.aivdm");

        assertThat(printed).hasSameSizeAs(expected);
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < expected.size(); i++) {
            JsonNode e = JsonCompare.parse(expected.get(i));
            for (Map.Entry<String, Object> f : raw(printed.get(i)).entrySet()) {
                JsonNode v = e.get(f.getKey());
                compared++;
                if (v == null || !v.asText().equals(String.valueOf(f.getValue()))) {
                    problems.add("line " + (i + 1) + " " + f.getKey() + ": expected " + v + " got " + f.getValue());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(compared).isGreaterThan(500);
    }

    /** The messages in the order the gpsd writer prints them (message 24 as its part B). */
    private static List<AisMessage> printedMessages(String file) {
        AisDecoder decoder = AisDecoder.create();
        GpsdJson json = new GpsdJson();
        List<AisMessage> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (String line : Corpus.lines(file)) {
            if (decoder.decode(line) instanceof AisResult.Decoded d && json.append(d.message(), sb)) {
                out.add(d.message());
            }
        }
        return out;
    }

    private static Map<String, Object> raw(AisMessage message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", message.messageType());
        m.put("repeat", message.repeat());
        m.put("mmsi", message.mmsi());
        switch (message) {
            case ClassAPositionReport r -> {
                m.put("status", r.navigationStatusCode());
                m.put("turn", r.rawTurn());
                m.put("speed", r.rawSpeed());
                m.put("accuracy", r.accuracy());
                m.put("lon", r.rawLongitude());
                m.put("lat", r.rawLatitude());
                m.put("course", r.rawCourse());
                m.put("heading", r.rawHeading());
                m.put("second", r.timestampSecond());
                m.put("maneuver", r.manoeuvre());
                m.put("raim", r.raim());
                m.put("radio", r.radio());
            }
            case BaseStationReport r -> {
                m.put("accuracy", r.accuracy());
                m.put("lon", r.rawLongitude());
                m.put("lat", r.rawLatitude());
                m.put("epfd", r.epfd());
                m.put("raim", r.raim());
                m.put("radio", r.radio());
            }
            case StaticVoyageData r -> {
                m.put("imo", r.imo());
                m.put("ais_version", r.aisVersion());
                m.put("callsign", r.callsign());
                m.put("shipname", r.shipName());
                m.put("shiptype", r.shipType());
                dimensions(m, r.dimensions());
                m.put("epfd", r.epfd());
                m.put("draught", r.rawDraught());
                m.put("destination", r.destination());
                m.put("dte", r.dte() ? 1 : 0);
            }
            case SarAircraftReport r -> {
                m.put("alt", r.rawAltitude());
                m.put("speed", r.rawSpeed());
                m.put("lon", r.rawLongitude());
                m.put("lat", r.rawLatitude());
                m.put("course", r.rawCourse());
                m.put("second", r.timestampSecond());
                m.put("radio", r.radio());
            }
            case ClassBPositionReport r -> {
                m.put("speed", r.rawSpeed());
                m.put("lon", r.rawLongitude());
                m.put("lat", r.rawLatitude());
                m.put("course", r.rawCourse());
                m.put("heading", r.rawHeading());
                m.put("radio", r.radio());
            }
            case ClassBExtendedReport r -> {
                m.put("speed", r.rawSpeed());
                m.put("lon", r.rawLongitude());
                m.put("lat", r.rawLatitude());
                m.put("course", r.rawCourse());
                m.put("shipname", r.shipName());
                m.put("shiptype", r.shipType());
                dimensions(m, r.dimensions());
            }
            case AidToNavigationReport r -> {
                m.put("aid_type", r.aidType());
                m.put("name", r.name());
                m.put("lon", r.rawLongitude());
                m.put("lat", r.rawLatitude());
                dimensions(m, r.dimensions());
            }
            case LongRangeReport r -> {
                m.put("status", r.navigationStatusCode());
                m.put("lon", r.rawLongitude());
                m.put("lat", r.rawLatitude());
                m.put("speed", r.rawSpeed());
                m.put("course", r.rawCourse());
            }
            case DgnssBroadcast r -> {
                m.put("lon", r.rawLongitude());
                m.put("lat", r.rawLatitude());
            }
            case ChannelManagement r -> {
                if (!r.addressed()) {
                    m.put("ne_lon", r.rawNorthEastLongitude());
                    m.put("ne_lat", r.rawNorthEastLatitude());
                    m.put("sw_lon", r.rawSouthWestLongitude());
                    m.put("sw_lat", r.rawSouthWestLatitude());
                }
            }
            case GroupAssignment r -> {
                m.put("ne_lon", r.rawNorthEastLongitude());
                m.put("ne_lat", r.rawNorthEastLatitude());
                m.put("sw_lon", r.rawSouthWestLongitude());
                m.put("sw_lat", r.rawSouthWestLatitude());
            }
            case StaticDataReport.PartB r -> {
                m.put("shiptype", r.shipType());
                m.put("vendorid", r.vendorId());
                m.put("model", r.unitModel());
                m.put("serial", r.serialNumber());
                m.put("callsign", r.callsign());
                dimensions(m, r.dimensions());
            }
            default -> {}
        }
        return m;
    }

    private static void dimensions(Map<String, Object> m, ShipDimensions d) {
        m.put("to_bow", d.toBowMetres());
        m.put("to_stern", d.toSternMetres());
        m.put("to_port", d.toPortMetres());
        m.put("to_starboard", d.toStarboardMetres());
    }
}
