package org.parley.track;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * Position reports in, tracks out: one state per target, implausible jumps refused and counted,
 * speed and course estimated from positions when a report lacks them, and staleness from the
 * reporting interval the target is expected to keep.
 *
 * <p>Not thread-safe: one table belongs to one feed loop.
 */
public final class TrackTable {
    private static final double METRES_PER_NM = 1852.0;
    private static final int STATUS_AT_ANCHOR = 1;
    private static final int STATUS_MOORED = 5;

    private final TrackPolicy policy;
    private final Map<TargetId, Slot> slots = new HashMap<>();
    private final Map<RejectReason, Long> rejects = new EnumMap<>(RejectReason.class);

    public TrackTable(TrackPolicy policy) {
        this.policy = policy;
    }

    public TrackTable() {
        this(TrackPolicy.defaults());
    }

    private static final class Slot {
        Track track;
        int consecutiveJumps;

        Slot(Track track) {
            this.track = track;
        }
    }

    /** Applies one report; never throws for a well-formed report, whatever its content. */
    public TrackUpdate update(PositionReport report) {
        Slot slot = slots.get(report.target());
        if (slot == null) {
            Track track = fresh(report);
            slots.put(report.target(), new Slot(track));
            return new TrackUpdate.Accepted(track, true);
        }
        Track last = slot.track;
        Duration dt = Duration.between(last.time(), report.time());
        if (dt.isNegative()) {
            return reject(
                    report, RejectReason.OUT_OF_ORDER, "report at " + report.time() + " is older than " + last.time());
        }
        GeodesicData g = Geodesic.WGS84.Inverse(
                last.latitudeDegrees(),
                last.longitudeDegrees(),
                report.latitudeDegrees(),
                report.longitudeDegrees(),
                GeodesicMask.DISTANCE | GeodesicMask.AZIMUTH);
        boolean air = domainOf(report) == Domain.AIR;
        double noise = air ? policy.aircraftPositionNoiseMetres() : policy.shipPositionNoiseMetres();
        if (dt.isZero() && g.s12 <= noise) {
            return reject(report, RejectReason.DUPLICATE, "same time and place as the last report");
        }
        double seconds = Math.max(1.0, dt.toMillis() / 1000.0);
        double impliedKnots = Math.max(0, g.s12 - noise) / seconds * 3600 / METRES_PER_NM;
        double limit = air ? policy.aircraftMaxSpeedKnots() : policy.shipMaxSpeedKnots();
        if (impliedKnots > limit) {
            slot.consecutiveJumps++;
            if (slot.consecutiveJumps < policy.reseedAfterJumps()) {
                return reject(
                        report,
                        RejectReason.IMPLAUSIBLE_JUMP,
                        String.format("implied %.0f kn over %.0f m exceeds %.0f kn", impliedKnots, g.s12, limit));
            }
            // The table kept refusing the target's own consistent story: the old position was wrong.
            slot.consecutiveJumps = 0;
            slot.track = fresh(report);
            return new TrackUpdate.Accepted(slot.track, true);
        }
        slot.consecutiveJumps = 0;
        slot.track = next(last, report, dt, g, noise);
        return new TrackUpdate.Accepted(slot.track, false);
    }

    private TrackUpdate reject(PositionReport report, RejectReason reason, String detail) {
        rejects.merge(reason, 1L, Long::sum);
        return new TrackUpdate.Rejected(report.target(), reason, detail);
    }

    private Track fresh(PositionReport r) {
        boolean reported = r.speedKnots().isPresent() && r.courseDegrees().isPresent();
        double speed = reported ? r.speedKnots().getAsDouble() : 0;
        double course = reported ? r.courseDegrees().getAsDouble() : 0;
        return build(
                r,
                speed,
                course,
                reported ? MotionSource.REPORTED : MotionSource.UNKNOWN,
                r.navigationStatus(),
                r.shipType(),
                1,
                r.time());
    }

    private Track next(Track last, PositionReport r, Duration dt, GeodesicData g, double noise) {
        double speed;
        double course;
        MotionSource motion;
        if (r.speedKnots().isPresent() && r.courseDegrees().isPresent()) {
            speed = r.speedKnots().getAsDouble();
            course = r.courseDegrees().getAsDouble();
            motion = MotionSource.REPORTED;
        } else if (!dt.isZero() && dt.compareTo(policy.maxEstimationGap()) <= 0) {
            double seconds = dt.toMillis() / 1000.0;
            speed = r.speedKnots().orElse(g.s12 / seconds * 3600 / METRES_PER_NM);
            // Below the noise the azimuth is meaningless: keep the previous course.
            double estimated = g.s12 > noise ? normalise(g.azi2) : last.courseDegrees();
            course = r.courseDegrees().orElse(estimated);
            motion = MotionSource.ESTIMATED;
        } else {
            speed = last.speedKnots();
            course = last.courseDegrees();
            motion = last.motion();
        }
        OptionalInt status = r.navigationStatus().isPresent() ? r.navigationStatus() : last.navigationStatus();
        OptionalInt type = r.shipType().isPresent() ? r.shipType() : last.shipType();
        Track built = build(r, speed, course, motion, status, type, last.reports() + 1, last.since());
        if (built.altitude().isEmpty() && last.altitude().isPresent()) {
            built = withAltitudeOf(built, last);
        }
        if (built.emitterCategory().isEmpty() && last.emitterCategory().isPresent()) {
            built = withEmitterOf(built, last);
        }
        return built;
    }

    private Track build(
            PositionReport r,
            double speed,
            double course,
            MotionSource motion,
            OptionalInt status,
            OptionalInt type,
            long n,
            Instant since) {
        Domain domain = domainOf(r);
        boolean moored =
                status.isPresent() && (status.getAsInt() == STATUS_AT_ANCHOR || status.getAsInt() == STATUS_MOORED);
        Duration silence = r.transponder() == Transponder.ADSB
                ? policy.adsbSilenceAllowed()
                : ReportingIntervals.nominal(r.transponder(), speed, moored)
                        .multipliedBy(policy.missedReportsBeforeStale());
        return new Track(
                r.target(),
                domain,
                r.transponder(),
                r.time(),
                r.latitudeDegrees(),
                r.longitudeDegrees(),
                speed,
                course,
                motion,
                r.headingDegrees(),
                r.altitude(),
                r.verticalRateFeetPerMinute(),
                status,
                type,
                r.emitterCategory(),
                silence,
                n,
                since);
    }

    private static Track withAltitudeOf(Track t, Track last) {
        return t.withAirData(
                last.altitude(),
                t.verticalRateFeetPerMinute().isPresent()
                        ? t.verticalRateFeetPerMinute()
                        : last.verticalRateFeetPerMinute(),
                t.emitterCategory());
    }

    private static Track withEmitterOf(Track t, Track last) {
        return t.withAirData(t.altitude(), t.verticalRateFeetPerMinute(), last.emitterCategory());
    }

    private static Domain domainOf(PositionReport r) {
        if (r.transponder() == Transponder.ADSB || r.transponder() == Transponder.AIS_SAR_AIRCRAFT) {
            return Domain.AIR;
        }
        return r.target().defaultDomain();
    }

    static double normalise(double degrees) {
        double d = degrees % 360;
        if (d < 0) {
            d += 360;
        }
        return d >= 360 ? 0 : d;
    }

    /** The current state of a target, stale or not. */
    public Optional<Track> get(TargetId id) {
        Slot slot = slots.get(id);
        return slot == null ? Optional.empty() : Optional.of(slot.track);
    }

    /** Tracks that are not stale at {@code now}. */
    public List<Track> live(Instant now) {
        List<Track> out = new ArrayList<>();
        for (Slot slot : slots.values()) {
            if (!slot.track.isStale(now)) {
                out.add(slot.track);
            }
        }
        return out;
    }

    /** Forgets stale tracks; returns how many were removed. */
    public int expire(Instant now) {
        int before = slots.size();
        slots.values().removeIf(s -> s.track.isStale(now));
        return before - slots.size();
    }

    /** Number of tracks held, stale or not. */
    public int size() {
        return slots.size();
    }

    /** Refused reports so far, by reason. */
    public Map<RejectReason, Long> rejectCounts() {
        return Collections.unmodifiableMap(new EnumMap<>(rejects));
    }
}
