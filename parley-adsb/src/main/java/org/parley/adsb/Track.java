package org.parley.adsb;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/** Mutable per-address state behind {@link AircraftState}, including the CPR halves. */
final class Track {
    /** DO-260B A.1.7.7: an airborne pair must be no more than 10 s apart; surface 25 s (A.1.7.8). */
    private static final long AIRBORNE_PAIR_MILLIS = 10_000;

    private static final long SURFACE_PAIR_MILLIS = 25_000;
    /** A local decode is trusted only against a reference this recent. */
    private static final long LOCAL_REFERENCE_MILLIS = Duration.ofMinutes(10).toMillis();
    /**
     * Plausibility of a new fix against the last one: 10 km plus 1,000 m/s (≈ 1,950 kt, faster
     * than anything that squawks) for the time between them. A fix further away is a corrupted
     * CPR pair or a wrong zone; the check lapses once the last fix is a minute old, so one bad
     * fix cannot lock an aircraft out.
     */
    private static final double JUMP_BASE_METRES = 10_000;

    private static final double JUMP_METRES_PER_SECOND = 1_000;
    private static final long JUMP_CHECK_MILLIS = 60_000;
    private static final double EARTH_RADIUS_METRES = 6_371_008.8; // IUGG mean radius

    final IcaoAddress address;
    private final int[] cprLat = new int[2];
    private final int[] cprLon = new int[2];
    private final long[] cprAt = {Long.MIN_VALUE, Long.MIN_VALUE};
    private final boolean[] cprSurface = new boolean[2];
    private @Nullable GeoPosition position;
    private long positionAtMillis = Long.MIN_VALUE;
    private boolean onGround;
    // The latest value of each field as a primitive (AltitudeCodes.INVALID, Velocity.ABSENT or NaN
    // when never heard): folding a frame in allocates nothing; snapshot() wraps them.
    private int baroAltitude = AltitudeCodes.INVALID;
    private int geometricAltitude = AltitudeCodes.INVALID;
    private double groundSpeed = Double.NaN;
    private double track = Double.NaN;
    private int verticalRate = Velocity.ABSENT;
    /** The 48 bits of eight 6-bit characters (ME/MB bits 9-56), decoded when asked for. */
    private long callsignBits;

    private boolean hasCallsign;
    /** Type code 1-4 and category of the last identification, 0 if none yet. */
    private int emitterTypeCode;

    private int emitterCategory;
    /** The 13-bit Mode A code, -1 if none yet. */
    private int squawkCode = -1;

    long lastMillis;
    /** When a DF11 (II=0) or DF17/18 last confirmed this address; MIN_VALUE if never. */
    long confirmedMillis = Long.MIN_VALUE / 2;

    private long messages;

    Track(IcaoAddress address) {
        this.address = address;
    }

    /**
     * Folds an accepted frame {@code f} (7 or 14 bytes from index 0, parity checked) into the
     * state, reading its fields straight from the bytes; returns the position CPR resolved from
     * it, if any. The decoded message is the one {@link FrameMessages} makes of the same bytes.
     */
    @Nullable
    GeoPosition update(byte[] f, long atMillis, Optional<GeoPosition> receiver) {
        lastMillis = atMillis;
        messages++;
        int df = (f[0] & 0xFF) >>> 3;
        switch (df) {
            case 17, 18 -> {
                return squitter(f, Bits.me(f, 1, 5), atMillis, receiver);
            }
            case 11 -> {
                // Annex 10 Vol IV §3.1.2.5.2.2.1: CA 4 = on the ground, 5 = airborne.
                int ca = Bits.get(f, 6, 3);
                if (ca == 4 || ca == 5) {
                    onGround = ca == 4;
                }
            }
            default -> surveillance(f, df);
        }
        return null;
    }

    private @Nullable GeoPosition squitter(byte[] f, int tc, long at, Optional<GeoPosition> receiver) {
        if (tc >= 1 && tc <= 4) {
            callsignBits = Bits.meLong(f) & 0xFFFF_FFFF_FFFFL;
            hasCallsign = true;
            emitterTypeCode = tc;
            emitterCategory = Bits.me(f, 6, 3);
        } else if (tc >= 5 && tc <= 8) {
            return surface(f, at, receiver);
        } else if ((tc >= 9 && tc <= 18) || (tc >= 20 && tc <= 22)) {
            return airborne(f, tc, at, receiver);
        } else if (tc == 19) {
            velocity(f);
        } else if (tc == 28) {
            // DO-260B §2.2.3.2.7.8: subtype 1 carries the Mode A code (0 = none).
            int id13 = Bits.me(f, 12, 13);
            if (Bits.me(f, 6, 3) == 1 && id13 != 0) {
                squawkCode = id13;
            }
        }
        return null;
    }

    /** DF0/4/5/16 surveillance and DF20/21 Comm-B replies. */
    private void surveillance(byte[] f, int df) {
        int code = Bits.get(f, 20, 13);
        int feet = AltitudeCodes.INVALID;
        if (df == 5 || df == 21) {
            squawkCode = code;
        } else {
            feet = AltitudeCodes.ac13ToFeet(code);
            if (feet != AltitudeCodes.INVALID) {
                baroAltitude = feet;
            }
        }
        if (df != 0 && df != 16) {
            groundFromFlightStatus(Bits.get(f, 6, 3));
        }
        if ((df == 20 || df == 21) && CommBInference.identifies(f, feet) && !blankCallsign(f)) {
            callsignBits = Bits.meLong(f) & 0xFFFF_FFFF_FFFFL;
            hasCallsign = true;
        }
    }

    /** All eight characters are spaces (code 32): the callsign trims to nothing. */
    private static boolean blankCallsign(byte[] f) {
        for (int i = 0; i < 8; i++) {
            if (Bits.me(f, 9 + 6 * i, 6) != 32) {
                return false;
            }
        }
        return true;
    }

    private void groundFromFlightStatus(int fs) {
        // Annex 10 Vol IV §3.1.2.6.5.1: FS 0/2 airborne, 1/3 on the ground, others say neither.
        if (fs >= 0 && fs <= 3) {
            onGround = (fs & 1) == 1;
        }
    }

    private void velocity(byte[] f) {
        double gs = Velocity.groundSpeedKnots(f);
        if (!Double.isNaN(gs)) {
            groundSpeed = gs;
        }
        double t = Velocity.trackDegrees(f);
        if (!Double.isNaN(t)) {
            track = t;
        }
        int vr = Velocity.verticalRateFeetPerMinute(f);
        if (vr != Velocity.ABSENT) {
            verticalRate = vr;
        }
        int diff = Velocity.gnssMinusBaroFeet(f);
        if (diff != Velocity.ABSENT && baroAltitude != AltitudeCodes.INVALID) {
            geometricAltitude = baroAltitude + diff;
        }
        onGround = false;
    }

    /** ME: 1-5 TC | 6-7 SS | 8 NIC-B | 9-20 altitude | 21 T | 22 F | 23-39 lat-CPR | 40-56 lon-CPR */
    private @Nullable GeoPosition airborne(byte[] f, int tc, long at, Optional<GeoPosition> receiver) {
        onGround = false;
        int feet = AltitudeCodes.ac12ToFeet(Bits.me(f, 9, 12));
        if (feet != AltitudeCodes.INVALID) {
            if (tc >= 20) {
                geometricAltitude = feet;
            } else {
                baroAltitude = feet;
            }
        }
        return resolve(Bits.meFlag(f, 22), Bits.me(f, 23, 17), Bits.me(f, 40, 17), false, at, receiver);
    }

    /** ME: 1-5 TC | 6-12 movement | 13 track status | 14-20 track | 21 T | 22 F | 23-39 lat | 40-56 lon */
    private @Nullable GeoPosition surface(byte[] f, long at, Optional<GeoPosition> receiver) {
        onGround = true;
        double knots = ExtendedSquitter.movementKnotsOrNaN(Bits.me(f, 6, 7));
        if (!Double.isNaN(knots)) {
            groundSpeed = knots;
        }
        if (Bits.meFlag(f, 13)) {
            track = Bits.me(f, 14, 7) * 360.0 / 128.0;
        }
        return resolve(Bits.meFlag(f, 22), Bits.me(f, 23, 17), Bits.me(f, 40, 17), true, at, receiver);
    }

    private @Nullable GeoPosition resolve(
            boolean odd, int lat, int lon, boolean surface, long at, Optional<GeoPosition> receiver) {
        int i = odd ? 1 : 0;
        cprLat[i] = lat;
        cprLon[i] = lon;
        cprAt[i] = at;
        cprSurface[i] = surface;
        int other = 1 - i;
        long window = surface ? SURFACE_PAIR_MILLIS : AIRBORNE_PAIR_MILLIS;
        // The receiver is a safe reference only on the surface (45 NM of unambiguity against a
        // 1090 MHz horizon of ~250 NM airborne): airborne tracks wait for a global pair first.
        GeoPosition reference = position != null && at - positionAtMillis <= LOCAL_REFERENCE_MILLIS
                ? position
                : surface ? receiver.orElse(null) : null;
        GeoPosition found = null;
        if (cprAt[other] != Long.MIN_VALUE && cprSurface[other] == surface && Math.abs(at - cprAt[other]) <= window) {
            if (!surface) {
                found = Cpr.globalAirborneOrNull(cprLat[0], cprLon[0], cprLat[1], cprLon[1], odd);
            } else if (reference != null) {
                found = Cpr.globalSurfaceOrNull(cprLat[0], cprLon[0], cprLat[1], cprLon[1], odd, reference);
            }
        }
        if (found == null && reference != null) {
            found = Cpr.localOrNull(lat, lon, odd, surface, reference);
        }
        if (found == null || !plausible(found, at)) {
            return null;
        }
        position = found;
        positionAtMillis = at;
        return found;
    }

    private boolean plausible(GeoPosition next, long at) {
        GeoPosition last = position;
        if (last == null || at - positionAtMillis > JUMP_CHECK_MILLIS) {
            return true;
        }
        double allowed = JUMP_BASE_METRES + Math.max(0, at - positionAtMillis) / 1000.0 * JUMP_METRES_PER_SECOND;
        double x = Math.min(1, Math.sqrt(haversine(last, next)));
        // x <= asin(x) <= x * pi/2 on [0, 1]: most fixes are decided by these bounds without the
        // (slow, not intrinsic) arc sine; the factors 1.58 > pi/2 and 0.999 < 1 keep rounding on the
        // safe side, so the answer is the one the arc sine gives.
        double chord = 2 * EARTH_RADIUS_METRES * x;
        if (chord * 1.58 <= allowed) {
            return true;
        }
        if (chord * 0.999 > allowed) {
            return false;
        }
        return 2 * EARTH_RADIUS_METRES * Math.asin(x) <= allowed;
    }

    /**
     * The haversine of the central angle between two points on the mean sphere: the great-circle
     * distance is {@code 2R asin(sqrt(h))}, ample for a plausibility bound of kilometres.
     */
    private static double haversine(GeoPosition a, GeoPosition b) {
        double lat1 = Math.toRadians(a.latitudeDegrees());
        double lat2 = Math.toRadians(b.latitudeDegrees());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitudeDegrees() - a.longitudeDegrees());
        return Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    }

    AircraftState snapshot() {
        GeoPosition p = position;
        Optional<Instant> at = p == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(positionAtMillis));
        return new AircraftState(
                address,
                Optional.ofNullable(p),
                at,
                onGround,
                optional(baroAltitude),
                optional(geometricAltitude),
                optional(groundSpeed),
                optional(track),
                verticalRate == Velocity.ABSENT ? OptionalInt.empty() : OptionalInt.of(verticalRate),
                hasCallsign ? Optional.of(CommBInference.callsign(callsignBits)) : Optional.empty(),
                emitterTypeCode == 0
                        ? Optional.empty()
                        : Optional.of(ExtendedSquitter.emitterCategory(emitterTypeCode, emitterCategory)),
                squawkCode < 0 ? Optional.empty() : Optional.of(AltitudeCodes.squawk(squawkCode)),
                Instant.ofEpochMilli(lastMillis),
                Math.max(messages, 1));
    }

    private static OptionalInt optional(int feet) {
        return feet == AltitudeCodes.INVALID ? OptionalInt.empty() : OptionalInt.of(feet);
    }

    private static OptionalDouble optional(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
