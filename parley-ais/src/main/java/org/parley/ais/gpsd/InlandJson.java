package org.parley.ais.gpsd;

import static org.parley.ais.gpsd.Json.bool;
import static org.parley.ais.gpsd.Json.num;
import static org.parley.ais.gpsd.Json.str;

import org.parley.ais.InlandStaticData;

/**
 * gpsd's members for Inland static data (message 8 DAC 200 FI 10). The ship type is an ERI code
 * (ERI standard, ship and combination types, as listed in Inland AIS ECE/TRANS/SC.3/176 Annex),
 * each with the ITU-R M.1371 ship type it maps to; gpsd accepts either number.
 */
final class InlandJson {
    private record EriType(int code, int aisType, String legend) {}

    private static final EriType[] TYPES = {
        new EriType(8000, 99, "Vessel, type unknown"),
        new EriType(8010, 79, "Motor freighter"),
        new EriType(8020, 89, "Motor tanker"),
        new EriType(8021, 80, "Motor tanker, liquid cargo, type N"),
        new EriType(8022, 80, "Motor tanker, liquid cargo, type C"),
        new EriType(8023, 89, "Motor tanker, dry cargo as if liquid (e.g. cement)"),
        new EriType(8030, 79, "Container vessel"),
        new EriType(8040, 80, "Gas tanker"),
        new EriType(8050, 79, "Motor freighter, tug"),
        new EriType(8060, 89, "Motor tanker, tug"),
        new EriType(8070, 79, "Motor freighter with one or more ships alongside"),
        new EriType(8080, 89, "Motor freighter with tanker"),
        new EriType(8090, 79, "Motor freighter pushing one or more freighters"),
        new EriType(8100, 89, "Motor freighter pushing at least one tank-ship"),
        new EriType(8110, 79, "Tug, freighter"),
        new EriType(8120, 89, "Tug, tanker"),
        new EriType(8130, 31, "Tug freighter, coupled"),
        new EriType(8140, 31, "Tug, freighter/tanker, coupled"),
        new EriType(8150, 99, "Freightbarge"),
        new EriType(8160, 99, "Tankbarge"),
        new EriType(8161, 90, "Tankbarge, liquid cargo, type N"),
        new EriType(8162, 90, "Tankbarge, liquid cargo, type C"),
        new EriType(8163, 99, "Tankbarge, dry cargo as if liquid (e.g. cement)"),
        new EriType(8170, 99, "Freightbarge with containers"),
        new EriType(8180, 90, "Tankbarge, gas"),
        new EriType(8210, 79, "Pushtow, one cargo barge"),
        new EriType(8220, 79, "Pushtow, two cargo barges"),
        new EriType(8230, 79, "Pushtow, three cargo barges"),
        new EriType(8240, 79, "Pushtow, four cargo barges"),
        new EriType(8250, 79, "Pushtow, five cargo barges"),
        new EriType(8260, 79, "Pushtow, six cargo barges"),
        new EriType(8270, 79, "Pushtow, seven cargo barges"),
        new EriType(8280, 79, "Pushtow, eigth cargo barges"),
        new EriType(8290, 79, "Pushtow, nine or more barges"),
        new EriType(8310, 80, "Pushtow, one tank/gas barge"),
        new EriType(8320, 80, "Pushtow, two barges at least one tanker or gas barge"),
        new EriType(8330, 80, "Pushtow, three barges at least one tanker or gas barge"),
        new EriType(8340, 80, "Pushtow, four barges at least one tanker or gas barge"),
        new EriType(8350, 80, "Pushtow, five barges at least one tanker or gas barge"),
        new EriType(8360, 80, "Pushtow, six barges at least one tanker or gas barge"),
        new EriType(8370, 80, "Pushtow, seven barges at least one tanker or gas barg"),
    };
    private static final String[] HAZARD = {
        "0 blue cones/lights", "1 blue cone/light", "2 blue cones/lights", "3 blue cones/lights", "4 B-Flag", "Unknown"
    };
    private static final String[] LOADED = {"N/A (default)", "Unloaded", "Loaded"};

    private InlandJson() {}

    static void append(JsonBytes sb, InlandStaticData m) {
        str(sb, ",\"vin\":", m.europeanVesselId());
        num(sb, ",\"length\":", m.rawLength());
        num(sb, ",\"beam\":", m.rawBeam());
        num(sb, ",\"shiptype\":", m.eriShipType());
        str(sb, ",\"shiptype_text\":", legend(m.eriShipType()));
        num(sb, ",\"hazard\":", m.hazardousCargo());
        str(
                sb,
                ",\"hazard_text\":",
                m.hazardousCargo() < HAZARD.length ? HAZARD[m.hazardousCargo()] : "INVALID HAZARD TYPE");
        num(sb, ",\"draught\":", m.rawDraught());
        num(sb, ",\"loaded\":", m.loaded());
        str(sb, ",\"loaded_text\":", m.loaded() < LOADED.length ? LOADED[m.loaded()] : "INVALID LOAD STATUS");
        bool(sb, ",\"speed_q\":", m.speedQualityHigh());
        bool(sb, ",\"course_q\":", m.courseQualityHigh());
        bool(sb, ",\"heading_q\":", m.headingQualityHigh());
    }

    private static String legend(int type) {
        for (EriType t : TYPES) {
            if (t.code() == type || t.aisType() == type) {
                return t.legend();
            }
        }
        return "Illegal ship type value.";
    }
}
