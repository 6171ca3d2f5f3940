package org.parley.ais;

import java.util.OptionalDouble;

/**
 * Meteorological and hydrographic data, broadcast in message 8: DAC 1 FI 11 (IMO SN.1/Circ.236,
 * Annex 2 §2) or DAC 1 FI 31 (IMO SN.1/Circ.289 §2, which replaced it). The two layouts carry the
 * same quantities with different widths and offsets; values are kept as transmitted and the
 * accessors apply the right scaling for {@link #fid}. All-ones values mean "not available".
 *
 * <pre>
 * FI 11 (bits after the 56-bit header): lat 24 | lon 25 (1/1000') | day 5 | hour 5 | minute 6
 *   | wind 7 | gust 7 | wind dir 9 | gust dir 9 | air temp 11 ((n-600)/10 °C) | humidity 7
 *   | dew point 10 ((n-200)/10) | pressure 9 (n+800 hPa) | tendency 2 | visibility 8 (/10 NM)
 *   | water level 9 ((n-100)/10 m) | trend 2 | current 8 (/10 kn) | dir 9 | current2 8 | dir 9
 *   | depth 5 | current3 8 | dir 9 | depth 5 | wave height 8 (/10 m) | period 6 | dir 9
 *   | swell height 8 | period 6 | dir 9 | sea state 4 | water temp 10 ((n-100)/10) | precip 3
 *   | salinity 9 (/10 ‰) | ice 2
 * FI 31: lon 25 | lat 24 | accuracy 1 | day/hour/minute | wind 7 | gust 7 | dirs 9+9
 *   | air temp 11 signed (/10) | humidity 7 | dew point 10 signed (/10) | pressure 9 (n+799)
 *   | tendency 2 | visibility-greater 1 | visibility 7 (/10) | water level 12 ((n-1000)/100)
 *   | trend 2 | currents as FI 11 | waves as FI 11 | sea state 4 | water temp 10 signed (/10)
 *   | precip 3 | salinity 9 | ice 2
 * </pre>
 */
public record MeteoHydroData(
        int fid,
        int rawLongitude,
        int rawLatitude,
        boolean accuracy,
        int day,
        int hour,
        int minute,
        int windSpeedKnots,
        int windGustKnots,
        int windDirectionDegrees,
        int windGustDirectionDegrees,
        int rawAirTemperature,
        int humidityPercent,
        int rawDewPoint,
        int rawPressure,
        int pressureTendency,
        boolean visibilityGreater,
        int rawVisibility,
        int rawWaterLevel,
        int waterLevelTrend,
        int rawCurrentSpeed,
        int currentDirectionDegrees,
        int rawCurrentSpeed2,
        int currentDirection2Degrees,
        int currentDepth2Metres,
        int rawCurrentSpeed3,
        int currentDirection3Degrees,
        int currentDepth3Metres,
        int rawWaveHeight,
        int wavePeriodSeconds,
        int waveDirectionDegrees,
        int rawSwellHeight,
        int swellPeriodSeconds,
        int swellDirectionDegrees,
        int seaState,
        int rawWaterTemperature,
        int precipitation,
        int rawSalinity,
        int ice)
        implements ApplicationData {
    public MeteoHydroData {
        if (fid != 11 && fid != 31) {
            throw new IllegalArgumentException("fid must be 11 or 31: " + fid);
        }
    }

    static MeteoHydroData read(Bits b, int fid) {
        return fid == 11 ? readFi11(b) : readFi31(b);
    }

    private static MeteoHydroData readFi11(Bits b) {
        return new MeteoHydroData(
                11,
                b.signed(80, 25),
                b.signed(56, 24),
                false,
                b.unsigned(105, 5),
                b.unsigned(110, 5),
                b.unsigned(115, 6),
                b.unsigned(121, 7),
                b.unsigned(128, 7),
                b.unsigned(135, 9),
                b.unsigned(144, 9),
                b.unsigned(153, 11),
                b.unsigned(164, 7),
                b.unsigned(171, 10),
                b.unsigned(181, 9),
                b.unsigned(190, 2),
                false,
                b.unsigned(192, 8),
                b.unsigned(200, 9),
                b.unsigned(209, 2),
                b.unsigned(211, 8),
                b.unsigned(219, 9),
                b.unsigned(228, 8),
                b.unsigned(236, 9),
                b.unsigned(245, 5),
                b.unsigned(250, 8),
                b.unsigned(258, 9),
                b.unsigned(267, 5),
                b.unsigned(272, 8),
                b.unsigned(280, 6),
                b.unsigned(286, 9),
                b.unsigned(295, 8),
                b.unsigned(303, 6),
                b.unsigned(309, 9),
                b.unsigned(318, 4),
                b.unsigned(322, 10),
                b.unsigned(332, 3),
                b.unsigned(335, 9),
                b.unsigned(344, 2));
    }

    private static MeteoHydroData readFi31(Bits b) {
        return new MeteoHydroData(
                31,
                b.signed(56, 25),
                b.signed(81, 24),
                b.flag(105),
                b.unsigned(106, 5),
                b.unsigned(111, 5),
                b.unsigned(116, 6),
                b.unsigned(122, 7),
                b.unsigned(129, 7),
                b.unsigned(136, 9),
                b.unsigned(145, 9),
                b.signed(154, 11),
                b.unsigned(165, 7),
                b.signed(172, 10),
                b.unsigned(182, 9),
                b.unsigned(191, 2),
                b.flag(193),
                b.unsigned(194, 7),
                b.unsigned(201, 12),
                b.unsigned(213, 2),
                b.unsigned(215, 8),
                b.unsigned(223, 9),
                b.unsigned(232, 8),
                b.unsigned(240, 9),
                b.unsigned(249, 5),
                b.unsigned(254, 8),
                b.unsigned(262, 9),
                b.unsigned(271, 5),
                b.unsigned(276, 8),
                b.unsigned(284, 6),
                b.unsigned(290, 9),
                b.unsigned(299, 8),
                b.unsigned(307, 6),
                b.unsigned(313, 9),
                b.unsigned(322, 4),
                b.signed(326, 10),
                b.unsigned(336, 3),
                b.unsigned(339, 9),
                b.unsigned(348, 2));
    }

    /** Station latitude in degrees (1/1000 minute); empty when 91° (not available). */
    public OptionalDouble latitudeDegrees() {
        return Units.latitude(rawLatitude, Units.THOUSANDTH_MINUTE_DEGREES);
    }

    /** Station longitude in degrees (1/1000 minute); empty when 181° (not available). */
    public OptionalDouble longitudeDegrees() {
        return Units.longitude(rawLongitude, Units.THOUSANDTH_MINUTE_DEGREES);
    }

    /** Air temperature in °C as scaled by the FI's table (not-available codes are not mapped). */
    public double airTemperatureCelsius() {
        return fid == 11 ? (rawAirTemperature - 600) / 10.0 : rawAirTemperature / 10.0;
    }

    public double dewPointCelsius() {
        return fid == 11 ? (rawDewPoint - 200) / 10.0 : rawDewPoint / 10.0;
    }

    public int pressureHectopascals() {
        return rawPressure + (fid == 11 ? 800 : 799);
    }

    public double visibilityNauticalMiles() {
        return rawVisibility / 10.0;
    }

    public double waterLevelMetres() {
        return fid == 11 ? (rawWaterLevel - 100) / 10.0 : (rawWaterLevel - 1000) / 100.0;
    }

    public double waterTemperatureCelsius() {
        return fid == 11 ? (rawWaterTemperature - 100) / 10.0 : rawWaterTemperature / 10.0;
    }
}
