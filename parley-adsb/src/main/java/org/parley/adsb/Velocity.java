package org.parley.adsb;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * TC 19 airborne velocity (DO-260B §2.2.3.2.6).
 *
 * <pre>
 * ME: 1-5 TC | 6-8 subtype | 9 IC | 10 IFR | 11-13 NACv
 *   subtype 1/2: 14 E-W sign (1 = west) | 15-24 E-W speed+1 | 25 N-S sign (1 = south) | 26-35 N-S speed+1
 *   subtype 3/4: 14 heading status | 15-24 heading (360/1024) | 25 airspeed type (1 = TAS) | 26-35 airspeed+1
 *   36 VR source (1 = baro) | 37 VR sign (1 = down) | 38-46 VR+1 (64 ft/min)
 *   47-48 reserved | 49 GNSS-baro sign (1 = GNSS below) | 50-56 difference+1 (25 ft)
 * </pre>
 *
 * Subtypes 2 and 4 (supersonic) scale speeds by 4.
 */
final class Velocity {
    private Velocity() {}

    static ModeSMessage decode(byte[] f, int df, IcaoAddress address) {
        int subtype = Bits.me(f, 6, 3);
        int scale = subtype == 2 || subtype == 4 ? 4 : 1;
        double gs = groundSpeedKnots(f);
        OptionalDouble groundSpeed = Double.isNaN(gs) ? OptionalDouble.empty() : OptionalDouble.of(gs);
        double t = trackDegrees(f);
        OptionalDouble track = Double.isNaN(t) ? OptionalDouble.empty() : OptionalDouble.of(t);
        OptionalInt airspeed = OptionalInt.empty();
        OptionalDouble heading = OptionalDouble.empty();
        boolean tas = false;
        if (subtype == 3 || subtype == 4) {
            if (Bits.meFlag(f, 14)) {
                heading = OptionalDouble.of(Bits.me(f, 15, 10) * 360.0 / 1024.0);
            }
            int as = Bits.me(f, 26, 10);
            if (as != 0) {
                airspeed = OptionalInt.of((as - 1) * scale);
            }
            tas = Bits.meFlag(f, 25);
        }
        int vr = verticalRateFeetPerMinute(f);
        int diff = gnssMinusBaroFeet(f);
        return new ModeSMessage.AirborneVelocity(
                df,
                address,
                subtype,
                groundSpeed,
                track,
                airspeed,
                tas,
                heading,
                vr == ABSENT ? OptionalInt.empty() : OptionalInt.of(vr),
                Bits.meFlag(f, 36),
                diff == ABSENT ? OptionalInt.empty() : OptionalInt.of(diff));
    }

    /*
     * The fields the decoder folds into an aircraft's state, as primitives (NaN or ABSENT when the
     * message does not carry them), so that updating the state allocates nothing; decode() above
     * wraps the same values.
     */

    /** Marks an absent integer field. */
    static final int ABSENT = Integer.MIN_VALUE;

    /** Ground speed of subtypes 1-2, or NaN. */
    static double groundSpeedKnots(byte[] f) {
        int subtype = Bits.me(f, 6, 3);
        if (subtype != 1 && subtype != 2) {
            return Double.NaN;
        }
        int ew = Bits.me(f, 15, 10);
        int ns = Bits.me(f, 26, 10);
        if (ew == 0 || ns == 0) {
            return Double.NaN;
        }
        return Math.hypot(vx(f, ew, subtype), vy(f, ns, subtype));
    }

    /** Track over ground of subtypes 1-2 in [0, 360), or NaN. */
    static double trackDegrees(byte[] f) {
        int subtype = Bits.me(f, 6, 3);
        if (subtype != 1 && subtype != 2) {
            return Double.NaN;
        }
        int ew = Bits.me(f, 15, 10);
        int ns = Bits.me(f, 26, 10);
        if (ew == 0 || ns == 0) {
            return Double.NaN;
        }
        double t = Math.toDegrees(Math.atan2(vx(f, ew, subtype), vy(f, ns, subtype)));
        return t < 0 ? t + 360 : t;
    }

    private static double vx(byte[] f, int ew, int subtype) {
        int scale = subtype == 2 ? 4 : 1;
        return (Bits.meFlag(f, 14) ? -1 : 1) * (ew - 1) * scale;
    }

    private static double vy(byte[] f, int ns, int subtype) {
        int scale = subtype == 2 ? 4 : 1;
        return (Bits.meFlag(f, 25) ? -1 : 1) * (ns - 1) * scale;
    }

    /** Vertical rate in feet per minute, or ABSENT. */
    static int verticalRateFeetPerMinute(byte[] f) {
        int vr = Bits.me(f, 38, 9);
        return vr == 0 ? ABSENT : (Bits.meFlag(f, 37) ? -1 : 1) * (vr - 1) * 64;
    }

    /** GNSS height minus barometric altitude in feet, or ABSENT. */
    static int gnssMinusBaroFeet(byte[] f) {
        int diff = Bits.me(f, 50, 7);
        return diff == 0 ? ABSENT : (Bits.meFlag(f, 49) ? -1 : 1) * (diff - 1) * 25;
    }
}
