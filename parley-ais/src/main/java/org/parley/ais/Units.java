package org.parley.ais;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Conversions from transmitted units to real units, each citing its sentinel. */
final class Units {
    private Units() {}

    /** Positions in 1/10000 minute (ITU-R M.1371-5 Table 45): lon 181° / lat 91° = not available. */
    static OptionalDouble longitude(int raw, double unitsPerDegree) {
        double degrees = raw / unitsPerDegree;
        return Math.abs(degrees) <= 180.0 ? OptionalDouble.of(degrees) : OptionalDouble.empty();
    }

    static OptionalDouble latitude(int raw, double unitsPerDegree) {
        double degrees = raw / unitsPerDegree;
        return Math.abs(degrees) <= 90.0 ? OptionalDouble.of(degrees) : OptionalDouble.empty();
    }

    /** SOG in 1/10 knot: 1023 = not available, 1022 = 102.2 knots or more. */
    static OptionalDouble speedTenths(int raw) {
        return raw == 1023 ? OptionalDouble.empty() : OptionalDouble.of(raw / 10.0);
    }

    /** COG in 1/10 degree: 3600 = not available, 3601..4095 must not be used. */
    static OptionalDouble courseTenths(int raw) {
        return raw >= 3600 ? OptionalDouble.empty() : OptionalDouble.of(raw / 10.0);
    }

    /** True heading in degrees: 511 = not available. */
    static OptionalInt heading(int raw) {
        return raw <= 359 ? OptionalInt.of(raw) : OptionalInt.empty();
    }

    static final double TENTH_MINUTE_DEGREES = 600_000.0;
    static final double THOUSANDTH_MINUTE_DEGREES = 60_000.0;
    static final double TENTH_MINUTE_SHORT = 600.0;
}
