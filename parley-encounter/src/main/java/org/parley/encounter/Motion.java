package org.parley.encounter;

import java.time.Instant;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import org.jspecify.annotations.Nullable;

/**
 * One unit's motion from an instant on, with what every pair solve needs computed once per unit
 * rather than once per pair: its geocentric position, its geodesic (a GeographicLib {@code
 * GeodesicLine}, so a later position costs a series evaluation instead of a full Direct problem)
 * and its position after the first-pass interval.
 *
 * <p>Immutable (all fields final), so sweep workers may share one through a plain field: if two
 * compute the same unit at once, both results are equal and either may win.
 */
final class Motion {
    private static final int CAPS = GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.DISTANCE_IN;
    private static final int OUT = GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE;

    private final Kinematics kinematics;
    /** Geocentric position now, metres. */
    final double[] now = new double[3];
    /** Unit vector of the position on the sphere (geodetic latitude), for pair centres. */
    final double[] unit = new double[3];
    /** Geocentric position {@link PairGeometry#FIRST_PASS_SECONDS} from now, metres. */
    final double[] firstPass = new double[3];

    private final @Nullable GeodesicLine line;
    /** The report this motion was computed from (a slot's version) and the instant it is for. */
    final long version;

    final Instant at;

    Motion(Kinematics k) {
        this(k, -1, Instant.EPOCH);
    }

    Motion(Kinematics k, long version, Instant at) {
        this.kinematics = k;
        this.version = version;
        this.at = at;
        LocalTangentPlane.geocentric(k.latitudeDegrees(), k.longitudeDegrees(), now);
        LocalTangentPlane.unitVector(k.latitudeDegrees(), k.longitudeDegrees(), unit);
        line = k.speedMetresPerSecond() == 0
                ? null
                : new GeodesicLine(Geodesic.WGS84, k.latitudeDegrees(), k.longitudeDegrees(), k.courseDegrees(), CAPS);
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
