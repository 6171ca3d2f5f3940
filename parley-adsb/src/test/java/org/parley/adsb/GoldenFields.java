package org.parley.adsb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** Our decode as the flat field map pyModeS's golden file uses (names and conventions of that file). */
final class GoldenFields {
    private GoldenFields() {}

    static Map<String, Object> of(ModeSMessage message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("df", message.downlinkFormat());
        m.put("icao", message.address().hex());
        switch (message) {
            case ModeSMessage.Identification i -> {
                m.put("typecode", i.typeCode());
                m.put("callsign", i.callsign());
                m.put("category", i.category());
            }
            case ModeSMessage.AirbornePosition p -> {
                m.put("typecode", p.typeCode());
                put(m, "altitude", p.altitudeFeet());
                m.put("cpr_format", p.oddFormat() ? 1 : 0);
            }
            case ModeSMessage.AirborneVelocity v -> {
                m.put("typecode", 19);
                // pyModeS truncates the ground speed to whole knots.
                v.groundSpeedKnots().ifPresent(x -> m.put("groundspeed", (int) x));
                put(m, "track", v.trackDegrees());
                put(m, "vertical_rate", v.verticalRateFeetPerMinute());
            }
            case ModeSMessage.CommBReply r -> {
                put(m, "altitude", r.altitudeFeet());
                put(m, "squawk", r.squawk());
                commB(m, r.commB());
            }
            case ModeSMessage.SurveillanceReply r -> {
                put(m, "altitude", r.altitudeFeet());
                put(m, "squawk", r.squawk());
            }
            default -> m.put("unexpected", message.getClass().getSimpleName());
        }
        return m;
    }

    private static void commB(Map<String, Object> m, CommB commB) {
        if (!commB.candidates().isEmpty()) {
            m.put("bds", commB.candidates().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        }
        switch (commB) {
            case CommB.AircraftIdentification id -> m.put("callsign", id.callsign());
            case CommB.SelectedVerticalIntention s -> {
                put(m, "selected_altitude_mcp", s.mcpAltitudeFeet());
                put(m, "selected_altitude_fms", s.fmsAltitudeFeet());
                put(m, "baro_pressure_setting", s.baroSettingHectopascals());
            }
            case CommB.TrackAndTurn t -> {
                put(m, "roll", t.rollDegrees());
                put(m, "true_track", t.trueTrackDegrees());
                put(m, "groundspeed", t.groundSpeedKnots());
                put(m, "track_rate", t.trackRateDegreesPerSecond());
                put(m, "true_airspeed", t.trueAirspeedKnots());
            }
            case CommB.HeadingAndSpeed h -> {
                put(m, "magnetic_heading", h.magneticHeadingDegrees());
                put(m, "indicated_airspeed", h.indicatedAirspeedKnots());
                put(m, "mach", h.mach());
                put(m, "baro_vertical_rate", h.baroVerticalRateFeetPerMinute());
                put(m, "inertial_vertical_rate", h.inertialVerticalRateFeetPerMinute());
            }
            default -> {}
        }
    }

    private static void put(Map<String, Object> m, String key, OptionalInt v) {
        v.ifPresent(x -> m.put(key, x));
    }

    private static void put(Map<String, Object> m, String key, OptionalDouble v) {
        v.ifPresent(x -> m.put(key, x));
    }

    private static void put(Map<String, Object> m, String key, Optional<?> v) {
        v.ifPresent(x -> m.put(key, x));
    }
}
