package org.parley.adsb;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * ME field of DF17/18 extended squitters by type code (DO-260B §2.2.3.2). Bit numbers below are
 * ME bits (1 = first bit of ME = frame bit 33).
 */
final class ExtendedSquitter {
    private ExtendedSquitter() {}

    static ModeSMessage decode(byte[] f, int df, IcaoAddress address) {
        int tc = Bits.me(f, 1, 5);
        if (tc >= 1 && tc <= 4) {
            return identification(f, df, address, tc);
        }
        if (tc >= 5 && tc <= 8) {
            return surface(f, df, address, tc);
        }
        if ((tc >= 9 && tc <= 18) || (tc >= 20 && tc <= 22)) {
            return airborne(f, df, address, tc);
        }
        return switch (tc) {
            case 19 -> Velocity.decode(f, df, address);
            case 28 -> status(f, df, address);
            case 29 -> targetState(f, df, address);
            case 31 -> operationalStatus(f, df, address);
            default -> new ModeSMessage.OtherSquitter(df, address, tc);
        };
    }

    /**
     * <pre>
     * ME: 1-5 TC | 6-8 CA (category) | 9-56 eight 6-bit characters
     * </pre>
     */
    private static ModeSMessage identification(byte[] f, int df, IcaoAddress address, int tc) {
        int category = Bits.me(f, 6, 3);
        return new ModeSMessage.Identification(
                df, address, tc, category, emitterCategory(tc, category), CommBInference.callsign(f));
    }

    /** DO-260B Table 2-8: TC 4 = set A, 3 = B, 2 = C, 1 = D; then the category, e.g. "A3". */
    static String emitterCategory(int tc, int category) {
        return String.valueOf((char) ('A' + (4 - tc))) + category;
    }

    /**
     * <pre>
     * ME: 1-5 TC | 6-7 SS | 8 NIC-B | 9-20 altitude | 21 T | 22 F | 23-39 lat-CPR | 40-56 lon-CPR
     * </pre>
     */
    private static ModeSMessage airborne(byte[] f, int df, IcaoAddress address, int tc) {
        int ac12 = Bits.me(f, 9, 12);
        int feet = AltitudeCodes.ac12ToFeet(ac12);
        OptionalInt altitude = feet == AltitudeCodes.INVALID ? OptionalInt.empty() : OptionalInt.of(feet);
        return new ModeSMessage.AirbornePosition(
                df,
                address,
                tc,
                altitude,
                tc >= 20,
                Bits.me(f, 6, 2),
                Bits.meFlag(f, 22),
                Bits.me(f, 23, 17),
                Bits.me(f, 40, 17),
                Optional.empty());
    }

    /**
     * <pre>
     * ME: 1-5 TC | 6-12 movement | 13 track status | 14-20 track | 21 T | 22 F | 23-39 lat | 40-56 lon
     * </pre>
     */
    private static ModeSMessage surface(byte[] f, int df, IcaoAddress address, int tc) {
        OptionalDouble track =
                Bits.meFlag(f, 13) ? OptionalDouble.of(Bits.me(f, 14, 7) * 360.0 / 128.0) : OptionalDouble.empty();
        return new ModeSMessage.SurfacePosition(
                df,
                address,
                tc,
                movementKnots(Bits.me(f, 6, 7)),
                track,
                Bits.meFlag(f, 22),
                Bits.me(f, 23, 17),
                Bits.me(f, 40, 17),
                Optional.empty());
    }

    /** Ground speed from the movement field, lower bound of each quantisation step (DO-260B Table 2-15). */
    static OptionalDouble movementKnots(int m) {
        double knots = movementKnotsOrNaN(m);
        return Double.isNaN(knots) ? OptionalDouble.empty() : OptionalDouble.of(knots);
    }

    /** {@link #movementKnots} as a primitive: NaN for "no information" (0) and reserved codes. */
    static double movementKnotsOrNaN(int m) {
        if (m == 0 || m > 124) {
            return Double.NaN;
        } else if (m == 1) {
            return 0;
        } else if (m <= 8) {
            return 0.125 + (m - 2) * 0.125;
        } else if (m <= 12) {
            return 1 + (m - 9) * 0.25;
        } else if (m <= 38) {
            return 2 + (m - 13) * 0.5;
        } else if (m <= 93) {
            return 15 + (m - 39);
        } else if (m <= 108) {
            return 70 + (m - 94) * 2;
        } else if (m <= 123) {
            return 100 + (m - 109) * 5;
        }
        return 175;
    }

    /**
     * <pre>
     * ME: 1-5 TC=28 | 6-8 subtype | 9-11 emergency state | 12-24 Mode A code (subtype 1)
     * </pre>
     */
    private static ModeSMessage status(byte[] f, int df, IcaoAddress address) {
        int subtype = Bits.me(f, 6, 3);
        if (subtype != 1) {
            return new ModeSMessage.AircraftStatus(df, address, subtype, 0, Optional.empty());
        }
        int id13 = Bits.me(f, 12, 13);
        Optional<String> squawk = id13 == 0 ? Optional.empty() : Optional.of(AltitudeCodes.squawk(id13));
        return new ModeSMessage.AircraftStatus(df, address, subtype, Bits.me(f, 9, 3), squawk);
    }

    /**
     * <pre>
     * ME: 1-5 TC=29 | 6-7 subtype | 8 SIL suppl | 9 alt type | 10-20 selected alt | 21-29 baro
     *     30 heading status | 31-39 heading | 40-43 NACp | 44 NICbaro | 45-46 SIL | 47 mode status
     *     48 autopilot | 49 VNAV | 50 alt hold | 52 approach | 53 TCAS | 54 LNAV
     * </pre>
     */
    private static ModeSMessage targetState(byte[] f, int df, IcaoAddress address) {
        int subtype = Bits.me(f, 6, 2);
        int alt = Bits.me(f, 10, 11);
        int baro = Bits.me(f, 21, 9);
        OptionalDouble heading =
                Bits.meFlag(f, 30) ? OptionalDouble.of(Bits.me(f, 31, 9) * 180.0 / 256.0) : OptionalDouble.empty();
        return new ModeSMessage.TargetState(
                df,
                address,
                subtype,
                alt == 0 ? OptionalInt.empty() : OptionalInt.of((alt - 1) * 32),
                Bits.meFlag(f, 9),
                baro == 0 ? OptionalDouble.empty() : OptionalDouble.of((baro - 1) * 0.8 + 800),
                heading,
                Bits.me(f, 40, 4),
                Bits.meFlag(f, 47) && Bits.meFlag(f, 48));
    }

    /**
     * <pre>
     * ME: 1-5 TC=31 | 6-8 subtype | 9-24 capability | 25-40 op mode | 41-43 version
     *     44 NIC suppl A | 45-48 NACp | 49-50 GVA | 51-52 SIL | 53 NICbaro | 54 HRD | 55 SIL suppl
     * </pre>
     */
    private static ModeSMessage operationalStatus(byte[] f, int df, IcaoAddress address) {
        return new ModeSMessage.OperationalStatus(
                df,
                address,
                Bits.me(f, 6, 3),
                Bits.me(f, 41, 3),
                Bits.me(f, 45, 4),
                Bits.me(f, 51, 2),
                Bits.meFlag(f, 44));
    }
}
