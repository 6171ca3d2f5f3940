package org.parley.ais.gpsd;

import static org.parley.ais.gpsd.Json.bool;
import static org.parley.ais.gpsd.Json.fixed;
import static org.parley.ais.gpsd.Json.num;
import static org.parley.ais.gpsd.Json.str;

import org.parley.ais.MeteoHydroData;

/** gpsd's members for DAC 1 FI 11 and FI 31 met/hydro data (scaled form). */
final class MeteoHydroJson {
    private static final String[] TRENDS = {"steady", "increasing", "decreasing", "N/A"};
    // WMO 306 code table 4.201 as gpsd labels it.
    private static final String[] PRECIPITATION = {
        "reserved", "rain", "thunderstorm", "freezing rain", "mixed/ice", "snow", "reserved", "N/A"
    };
    private static final String[] ICE = {"no", "yes", "reserved", "N/A"};

    private MeteoHydroJson() {}

    static void append(JsonBytes sb, MeteoHydroData m) {
        boolean fi11 = m.fid() == 11;
        fixed(sb, ",\"lat\":", m.rawLatitude() / 60_000.0, 6); // 1/1000 minute needs 6 decimals
        fixed(sb, ",\"lon\":", m.rawLongitude() / 60_000.0, 6);
        if (!fi11) {
            bool(sb, ",\"accuracy\":", m.accuracy());
        }
        Json.name(sb, ",\"timestamp\":");
        sb.append('"');
        Json.two(sb, m.day());
        sb.append('T');
        Json.two(sb, m.hour());
        sb.append(':');
        Json.two(sb, m.minute());
        sb.ascii("Z\"");
        num(sb, ",\"wspeed\":", m.windSpeedKnots());
        num(sb, ",\"wgust\":", m.windGustKnots());
        num(sb, ",\"wdir\":", m.windDirectionDegrees());
        num(sb, ",\"wgustdir\":", m.windGustDirectionDegrees());
        num(sb, ",\"humidity\":", m.humidityPercent());
        fixed(sb, ",\"airtemp\":", m.airTemperatureCelsius(), 1);
        fixed(sb, ",\"dewpoint\":", m.dewPointCelsius(), 1);
        num(sb, ",\"pressure\":", m.pressureHectopascals());
        str(sb, ",\"pressuretend\":", TRENDS[m.pressureTendency()]);
        if (!fi11) {
            bool(sb, ",\"visgreater\":", m.visibilityGreater());
        }
        fixed(sb, ",\"visibility\":", m.visibilityNauticalMiles(), 1);
        fixed(sb, ",\"waterlevel\":", m.waterLevelMetres(), 1);
        str(sb, ",\"leveltrend\":", TRENDS[m.waterLevelTrend()]);
        currentsAndWaves(sb, m);
        num(sb, ",\"seastate\":", m.seaState());
        fixed(sb, ",\"watertemp\":", m.waterTemperatureCelsius(), 1);
        if (fi11) {
            num(sb, ",\"preciptype\":", m.precipitation());
            str(sb, ",\"preciptype_text\":", PRECIPITATION[m.precipitation()]);
        } else {
            str(sb, ",\"preciptype\":", PRECIPITATION[m.precipitation()]);
        }
        fixed(sb, ",\"salinity\":", m.rawSalinity() / 10.0, 1);
        if (fi11) {
            num(sb, ",\"ice\":", m.ice());
            str(sb, ",\"ice_text\":", ICE[m.ice()]);
        } else {
            str(sb, ",\"ice\":", ICE[m.ice()]);
        }
    }

    private static void currentsAndWaves(JsonBytes sb, MeteoHydroData m) {
        fixed(sb, ",\"cspeed\":", m.rawCurrentSpeed() / 10.0, 1);
        num(sb, ",\"cdir\":", m.currentDirectionDegrees());
        fixed(sb, ",\"cspeed2\":", m.rawCurrentSpeed2() / 10.0, 1);
        num(sb, ",\"cdir2\":", m.currentDirection2Degrees());
        num(sb, ",\"cdepth2\":", m.currentDepth2Metres());
        fixed(sb, ",\"cspeed3\":", m.rawCurrentSpeed3() / 10.0, 1);
        num(sb, ",\"cdir3\":", m.currentDirection3Degrees());
        num(sb, ",\"cdepth3\":", m.currentDepth3Metres());
        fixed(sb, ",\"waveheight\":", m.rawWaveHeight() / 10.0, 1);
        num(sb, ",\"waveperiod\":", m.wavePeriodSeconds());
        num(sb, ",\"wavedir\":", m.waveDirectionDegrees());
        fixed(sb, ",\"swellheight\":", m.rawSwellHeight() / 10.0, 1);
        num(sb, ",\"swellperiod\":", m.swellPeriodSeconds());
        num(sb, ",\"swelldir\":", m.swellDirectionDegrees());
    }
}
