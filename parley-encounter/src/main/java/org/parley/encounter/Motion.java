package org.parley.encounter;

import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.jspecify.annotations.Nullable;

/**
 * One unit's motion from an instant on, with what every pair solve needs computed once per unit
 * rather than once per pair: its geocentric position, its geodesic (a GeographicLib {@code
 * GeodesicLine}, so a later position costs a series evaluation instead of a full Direct problem)
 * and its position after the first-pass interval. Mutable and reused: one per indexed track, reset
 * when the track or the instant changes.
 */
final class Motion {
    private static final int CAPS = GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.DISTANCE_IN;
    private static final int OUT = GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE;

    private Kinematics kinematics;
    /** Geocentric position now, metres. */
    final double[] now = new double[3];
    /** Geocentric position {@link PairGeometry#FIRST_PASS_SECONDS} from now, metres. */
    final double[] firstPass = new double[3];

    private @Nullable GeodesicLine line;

    Motion(Kinematics kinematics) {
        this.kinematics = kinematics;
        set(kinematics);
    }

    void set(Kinematics k) {
        kinematics = k;
        LocalTangentPlane.geocentric(k.latitudeDegrees(), k.longitudeDegrees(), now);
        line = k.speedMetresPerSecond() == 0
                ? null
                : new GeodesicLine(
                        net.sf.geographiclib.Geodesic.WGS84,
                        k.latitudeDegrees(),
                        k.longitudeDegrees(),
                        k.courseDegrees(),
                        CAPS);
        ahead(PairGeometry.FIRST_PASS_SECONDS, firstPass);
    }

    Kinematics kinematics() {
        return kinematics;
    }

    /** Writes the geocentric position {@code seconds} from now, along the geodesic, into out. */
    void ahead(double seconds, double[] out) {
        GeodesicLine l = line;
        if (l == null) {
            System.arraycopy(now, 0, out, 0, 3);
            return;
        }
        GeodesicData d = l.Position(kinematics.speedMetresPerSecond() * seconds, OUT);
        LocalTangentPlane.geocentric(d.lat2, d.lon2, out);
    }
}
