package org.parley.adsb;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

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
    private Optional<GeoPosition> position = Optional.empty();
    private long positionAtMillis = Long.MIN_VALUE;
    private boolean onGround;
    private OptionalInt baroAltitude = OptionalInt.empty();
    private OptionalInt geometricAltitude = OptionalInt.empty();
    private OptionalDouble groundSpeed = OptionalDouble.empty();
    private OptionalDouble track = OptionalDouble.empty();
    private OptionalInt verticalRate = OptionalInt.empty();
    private Optional<String> callsign = Optional.empty();
    private Optional<String> category = Optional.empty();
    private Optional<String> squawk = Optional.empty();
    long lastMillis;
    /** When a DF11 (II=0) or DF17/18 last confirmed this address; MIN_VALUE if never. */
    long confirmedMillis = Long.MIN_VALUE / 2;

    private long messages;

    Track(IcaoAddress address) {
        this.address = address;
    }

    /** Folds a message into the state; returns it with its position filled when CPR resolved. */
    ModeSMessage update(ModeSMessage message, long atMillis, Optional<GeoPosition> receiver) {
        lastMillis = atMillis;
        messages++;
        return switch (message) {
            case ModeSMessage.AirbornePosition p -> airborne(p, atMillis, receiver);
            case ModeSMessage.SurfacePosition p -> surface(p, atMillis, receiver);
            case ModeSMessage.Identification i -> {
                callsign = Optional.of(i.callsign());
                category = Optional.of(i.emitterCategory());
                yield i;
            }
            case ModeSMessage.AirborneVelocity v -> velocity(v);
            case ModeSMessage.AircraftStatus s -> {
                if (s.squawk().isPresent()) {
                    squawk = s.squawk();
                }
                yield s;
            }
            case ModeSMessage.SurveillanceReply r -> {
                if (r.altitudeFeet().isPresent()) {
                    baroAltitude = r.altitudeFeet();
                }
                if (r.squawk().isPresent()) {
                    squawk = r.squawk();
                }
                groundFromFlightStatus(r.flightStatus());
                yield r;
            }
            case ModeSMessage.CommBReply r -> {
                if (r.altitudeFeet().isPresent()) {
                    baroAltitude = r.altitudeFeet();
                }
                if (r.squawk().isPresent()) {
                    squawk = r.squawk();
                }
                groundFromFlightStatus(r.flightStatus());
                if (r.commB() instanceof CommB.AircraftIdentification id
                        && !id.callsign().isEmpty()) {
                    callsign = Optional.of(id.callsign());
                }
                yield r;
            }
            case ModeSMessage.AllCallReply a -> {
                // Annex 10 Vol IV §3.1.2.5.2.2.1: CA 4 = on the ground, 5 = airborne.
                if (a.capability() == 4 || a.capability() == 5) {
                    onGround = a.capability() == 4;
                }
                yield a;
            }
            case ModeSMessage.TargetState t -> t;
            case ModeSMessage.OperationalStatus o -> o;
            case ModeSMessage.OtherSquitter o -> o;
        };
    }

    private void groundFromFlightStatus(int fs) {
        // Annex 10 Vol IV §3.1.2.6.5.1: FS 0/2 airborne, 1/3 on the ground, others say neither.
        if (fs >= 0 && fs <= 3) {
            onGround = (fs & 1) == 1;
        }
    }

    private ModeSMessage velocity(ModeSMessage.AirborneVelocity v) {
        if (v.groundSpeedKnots().isPresent()) {
            groundSpeed = v.groundSpeedKnots();
        }
        if (v.trackDegrees().isPresent()) {
            track = v.trackDegrees();
        }
        if (v.verticalRateFeetPerMinute().isPresent()) {
            verticalRate = v.verticalRateFeetPerMinute();
        }
        if (v.gnssMinusBaroFeet().isPresent() && baroAltitude.isPresent()) {
            geometricAltitude = OptionalInt.of(
                    baroAltitude.getAsInt() + v.gnssMinusBaroFeet().getAsInt());
        }
        onGround = false;
        return v;
    }

    private ModeSMessage airborne(ModeSMessage.AirbornePosition p, long at, Optional<GeoPosition> receiver) {
        onGround = false;
        if (p.altitudeFeet().isPresent()) {
            if (p.gnssAltitude()) {
                geometricAltitude = p.altitudeFeet();
            } else {
                baroAltitude = p.altitudeFeet();
            }
        }
        Optional<GeoPosition> resolved = resolve(p.oddFormat(), p.cprLatitude(), p.cprLongitude(), false, at, receiver);
        return p.withPosition(resolved);
    }

    private ModeSMessage surface(ModeSMessage.SurfacePosition p, long at, Optional<GeoPosition> receiver) {
        onGround = true;
        if (p.groundSpeedKnots().isPresent()) {
            groundSpeed = p.groundSpeedKnots();
        }
        if (p.trackDegrees().isPresent()) {
            track = p.trackDegrees();
        }
        Optional<GeoPosition> resolved = resolve(p.oddFormat(), p.cprLatitude(), p.cprLongitude(), true, at, receiver);
        return p.withPosition(resolved);
    }

    private Optional<GeoPosition> resolve(
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
        Optional<GeoPosition> reference = position.isPresent() && at - positionAtMillis <= LOCAL_REFERENCE_MILLIS
                ? position
                : surface ? receiver : Optional.empty();
        Optional<GeoPosition> found = Optional.empty();
        if (cprAt[other] != Long.MIN_VALUE && cprSurface[other] == surface && Math.abs(at - cprAt[other]) <= window) {
            if (surface) {
                found = reference.flatMap(
                        ref -> Cpr.globalSurface(cprLat[0], cprLon[0], cprLat[1], cprLon[1], odd, ref));
            } else {
                found = Cpr.globalAirborne(cprLat[0], cprLon[0], cprLat[1], cprLon[1], odd);
            }
        }
        if (found.isEmpty() && reference.isPresent()) {
            found = Cpr.local(lat, lon, odd, surface, reference.get());
        }
        if (found.isPresent() && !plausible(found.get(), at)) {
            return Optional.empty();
        }
        if (found.isPresent()) {
            position = found;
            positionAtMillis = at;
        }
        return found;
    }

    private boolean plausible(GeoPosition next, long at) {
        if (position.isEmpty() || at - positionAtMillis > JUMP_CHECK_MILLIS) {
            return true;
        }
        double allowed = JUMP_BASE_METRES + Math.max(0, at - positionAtMillis) / 1000.0 * JUMP_METRES_PER_SECOND;
        double x = Math.min(1, Math.sqrt(haversine(position.get(), next)));
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
        Optional<Instant> at = position.map(p -> Instant.ofEpochMilli(positionAtMillis));
        return new AircraftState(
                address,
                position,
                at,
                onGround,
                baroAltitude,
                geometricAltitude,
                groundSpeed,
                track,
                verticalRate,
                callsign,
                category,
                squawk,
                Instant.ofEpochMilli(lastMillis),
                Math.max(messages, 1));
    }
}
