package org.parley.adsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Optional;
import java.util.SplittableRandom;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

/**
 * CPR round trips: positions encoded with the DO-260B Appendix A §A.1.7.3 encoding equations
 * (written out below from the standard, independently of the decoder) decode back within the
 * encoding's resolution, globally from an even/odd pair and locally from a nearby reference.
 */
class CprPropertiesTest {
    /** {yz, xz} of one CPR report: 17-bit fractions of a latitude/longitude zone. */
    private static int[] encode(double lat, double lon, boolean odd, boolean surface) {
        double span = surface ? 90.0 : 360.0;
        double scale = 131072; // 2^17
        int i = odd ? 1 : 0;
        double dLat = span / (60 - i);
        long yz = (long) Math.floor(scale * mod(lat, dLat) / dLat + 0.5);
        double rLat = dLat * (yz / scale + Math.floor(lat / dLat));
        double dLon = span / Math.max(Cpr.nl(rLat) - i, 1);
        long xz = (long) Math.floor(scale * mod(lon, dLon) / dLon + 0.5);
        return new int[] {(int) (yz & 0x1FFFF), (int) (xz & 0x1FFFF)};
    }

    private static double mod(double x, double y) {
        return x - y * Math.floor(x / y);
    }

    @SeededTest(tries = 1000)
    void globalAirborne_encodedPair_decodesWithinResolution(SplittableRandom random) {
        double lat = Generators.doubleBetween(random, -86, 86);
        double lon = Generators.doubleBetween(random, -179.99, 179.99);
        boolean latestOdd = random.nextBoolean();
        int[] even = encode(lat, lon, false, false);
        int[] odd = encode(lat, lon, true, false);
        Optional<GeoPosition> p = Cpr.globalAirborne(even[0], even[1], odd[0], odd[1], latestOdd);
        // Empty only when the two reports fall in different longitude zones (NL differs).
        p.ifPresent(g -> {
            assertThat(g.latitudeDegrees()).isCloseTo(lat, offset(1e-4));
            assertThat(Cpr.normaliseLon(g.longitudeDegrees() - lon)).isCloseTo(0.0, offset(1e-3));
        });
        if (Cpr.nl(lat + 0.01) == Cpr.nl(lat - 0.01)) {
            assertThat(p).isPresent();
        }
    }

    @SeededTest(tries = 1000)
    void local_referenceWithin100Km_decodesWithinResolution(SplittableRandom random) {
        double lat = Generators.doubleBetween(random, -85, 85);
        double lon = Generators.doubleBetween(random, -179, 179);
        double dLat = Generators.doubleBetween(random, -0.9, 0.9);
        double dLon = Generators.doubleBetween(random, -0.9, 0.9);
        boolean odd = random.nextBoolean();
        boolean surface = random.nextBoolean();
        int[] r = encode(lat, lon, odd, surface);
        // Local decode is unambiguous within half a zone: 3° airborne, 0.75° surface (A.1.7.5).
        double reach = surface ? 0.25 : 1.0;
        GeoPosition reference = new GeoPosition(lat + dLat * reach, lon + dLon * reach);
        GeoPosition g = Cpr.local(r[0], r[1], odd, surface, reference).orElseThrow();
        double tolerance = surface ? 3e-5 : 1e-4;
        assertThat(g.latitudeDegrees()).isCloseTo(lat, offset(tolerance));
        assertThat(Cpr.normaliseLon(g.longitudeDegrees() - lon)).isCloseTo(0.0, offset(tolerance * 10));
    }

    @SeededTest(tries = 1000)
    void globalSurface_encodedPairAndNearbyReference_decodesWithinResolution(SplittableRandom random) {
        double lat = Generators.doubleBetween(random, -85, 85);
        double lon = Generators.doubleBetween(random, -179.9, 179.9);
        boolean latestOdd = random.nextBoolean();
        int[] even = encode(lat, lon, false, true);
        int[] odd = encode(lat, lon, true, true);
        GeoPosition receiver =
                new GeoPosition(Math.max(-90, Math.min(90, lat + 0.3)), lon - 0.3 < -180 ? lon : lon - 0.3);
        Optional<GeoPosition> p = Cpr.globalSurface(even[0], even[1], odd[0], odd[1], latestOdd, receiver);
        p.ifPresent(g -> {
            assertThat(g.latitudeDegrees()).isCloseTo(lat, offset(3e-5));
            assertThat(Cpr.normaliseLon(g.longitudeDegrees() - lon)).isCloseTo(0.0, offset(3e-4));
        });
        if (Cpr.nl(lat + 0.01) == Cpr.nl(lat - 0.01)) {
            assertThat(p).isPresent();
        }
    }
}
