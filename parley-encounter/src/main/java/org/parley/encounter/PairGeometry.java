package org.parley.encounter;

/**
 * Closest point of approach for two units moving at constant velocity, solved in closed form on a
 * local tangent plane centred between them (docs/decisions.md, decision 8).
 *
 * <p>Each unit is taken to follow its geodesic at constant speed (the same model as the
 * brute-force reference in the tests). The plane velocity of a unit is the secant between its
 * projected position now and its projected position after {@code tau} seconds, both computed on the
 * ellipsoid along its geodesic (the Direct problem, through a {@link Motion} that keeps each unit's
 * geodesic line for all its pairs). A first pass uses tau = 60 s; the second pass uses the first
 * pass's TCPA, so the straight line is exact at both ends of the interval that matters. Measured
 * against the reference: at most 3 m error up to 50 NM (see PairGeometryTest).
 *
 * <p>Relative motion: p = pB - pA, v = vB - vA; range squared |p + v t|^2 is least at t* = -(p.v) /
 * (v.v), clamped to [0, horizon].
 */
final class PairGeometry {
    static final double FIRST_PASS_SECONDS = 60;
    private static final double MIN_SPEED_FOR_BOW_MPS = 0.5;
    // Lengths below are sqrt(x * x + y * y), not Math.hypot: hypot guards against overflow at
    // magnitudes of 1e154 and costs several times more; plane coordinates here stay under 1e7 m.

    // Work space reused from pair to pair: one instance per engine, never shared between threads.
    private final LocalTangentPlane plane = new LocalTangentPlane(0, 0);
    private final double[] xy = new double[8];
    private final double[] ahead = new double[3];
    private final double[] aheadPlane = new double[4];
    private final double[] bowOfA = new double[2];
    private final double[] bowOfB = new double[2];
    private final double[] bFromA = new double[2];
    private final double[] aFromB = new double[2];

    /** One pair on its own (tests, one-off callers); the sweep keeps an instance and its motions. */
    static PairSolution solve(Kinematics a, Kinematics b, double horizonSeconds) {
        return new PairGeometry().solve(new Motion(a), new Motion(b), horizonSeconds);
    }

    PairSolution solve(Motion ma, Motion mb, double horizonSeconds) {
        Kinematics a = ma.kinematics();
        Kinematics b = mb.kinematics();
        plane.resetBetween(ma.unit, mb.unit);
        plane.forward(ma.now, xy, 0);
        plane.forward(mb.now, xy, 2);
        plane.forward(ma.firstPass, aheadPlane, 0);
        plane.forward(mb.firstPass, aheadPlane, 2);
        velocities(FIRST_PASS_SECONDS);
        double tFirst = tcpa(xy, horizonSeconds);
        if (tFirst > 1) {
            ma.ahead(tFirst, ahead);
            plane.forward(ahead, aheadPlane, 0);
            mb.ahead(tFirst, ahead);
            plane.forward(ahead, aheadPlane, 2);
            velocities(tFirst);
        }
        return solution(a, b, tcpa(xy, horizonSeconds), horizonSeconds);
    }

    /** Fills xy[4..7] with the plane velocities of a and b, secant over {@code tau} seconds. */
    private void velocities(double tau) {
        xy[4] = (aheadPlane[0] - xy[0]) / tau;
        xy[5] = (aheadPlane[1] - xy[1]) / tau;
        xy[6] = (aheadPlane[2] - xy[2]) / tau;
        xy[7] = (aheadPlane[3] - xy[3]) / tau;
    }

    private static double tcpa(double[] xy, double horizonSeconds) {
        double px = xy[2] - xy[0];
        double py = xy[3] - xy[1];
        double vx = xy[6] - xy[4];
        double vy = xy[7] - xy[5];
        double vv = vx * vx + vy * vy;
        if (vv < 1e-12) {
            return 0;
        }
        return Math.max(0, Math.min(horizonSeconds, -(px * vx + py * vy) / vv));
    }

    private PairSolution solution(Kinematics a, Kinematics b, double t, double horizon) {
        double px = xy[2] - xy[0];
        double py = xy[3] - xy[1];
        double vx = xy[6] - xy[4];
        double vy = xy[7] - xy[5];
        double range = Math.sqrt(px * px + py * py);
        double rangeRate = range > 0 ? (px * vx + py * vy) / range : 0;
        double cx = px + vx * t;
        double cy = py + vy * t;
        double cpa = Math.sqrt(cx * cx + cy * cy);
        double bearing = relativeBearing(xy[4], xy[5], a.courseDegrees(), px, py);
        bowCrossing(xy[4], xy[5], px, py, vx, vy, horizon, bowOfA);
        bowCrossing(xy[6], xy[7], -px, -py, -vx, -vy, horizon, bowOfB);
        double dzNow = b.altitudeFeet() - a.altitudeFeet();
        double dzRate = b.verticalRateFeetPerSecond() - a.verticalRateFeetPerSecond();
        bodyFrame(xy[4], xy[5], a.courseDegrees(), px, py, bFromA);
        bodyFrame(xy[6], xy[7], b.courseDegrees(), -px, -py, aFromB);
        return new PairSolution(
                range,
                rangeRate,
                cpa,
                t,
                bearing,
                bowOfA[0],
                bowOfA[1],
                bowOfB[0],
                bowOfB[1],
                dzNow,
                dzRate,
                dzNow + dzRate * t,
                bFromA[0],
                bFromA[1],
                aFromB[0],
                aFromB[1]);
    }

    /** {along, lateral} of a relative position in the own unit's frame: ahead and starboard positive. */
    private static void bodyFrame(double vx, double vy, double courseDegrees, double px, double py, double[] out) {
        double speed = Math.sqrt(vx * vx + vy * vy);
        double ux;
        double uy;
        if (speed > MIN_SPEED_FOR_BOW_MPS) {
            ux = vx / speed;
            uy = vy / speed;
        } else {
            ux = Math.sin(Math.toRadians(courseDegrees));
            uy = Math.cos(Math.toRadians(courseDegrees));
        }
        out[0] = ux * px + uy * py;
        out[1] = uy * px - ux * py;
    }

    /** Bearing of B from A relative to A's heading (its velocity, or its course when stopped), 0..360. */
    private static double relativeBearing(double vax, double vay, double courseDegrees, double px, double py) {
        double heading = Math.sqrt(vax * vax + vay * vay) > MIN_SPEED_FOR_BOW_MPS
                ? Math.toDegrees(Math.atan2(vax, vay))
                : courseDegrees;
        double bearing = Math.toDegrees(Math.atan2(px, py)) - heading;
        bearing %= 360;
        return bearing < 0 ? bearing + 360 : bearing;
    }

    /**
     * Where the other unit's relative path crosses the line ahead of the own unit: solves
     * cross(u, p + v t) = 0 for t with u the own unit's direction; writes {metres ahead, seconds}
     * into out, or NaNs when the other does not cross ahead within the horizon.
     */
    static void bowCrossing(
            double ownVx, double ownVy, double px, double py, double vx, double vy, double horizon, double[] out) {
        out[0] = Double.NaN;
        out[1] = Double.NaN;
        double speed = Math.sqrt(ownVx * ownVx + ownVy * ownVy);
        if (speed < MIN_SPEED_FOR_BOW_MPS) {
            return;
        }
        double ux = ownVx / speed;
        double uy = ownVy / speed;
        double lateral = ux * py - uy * px;
        double lateralRate = ux * vy - uy * vx;
        if (Math.abs(lateralRate) < 1e-9) {
            return;
        }
        double t = -lateral / lateralRate;
        if (t < 0 || t > horizon) {
            return;
        }
        double along = ux * (px + vx * t) + uy * (py + vy * t);
        if (along > 0) {
            out[0] = along;
            out[1] = t;
        }
    }
}
