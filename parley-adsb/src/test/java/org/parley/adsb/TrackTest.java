package org.parley.adsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackTest {
    private static final IcaoAddress A = new IcaoAddress(0x406B90);

    /**
     * The bytes of a DF17 TC 11 airborne position (ME bits: 1-5 TC, 22 F, 23-39 lat, 40-56 lon, as
     * DO-260B §2.2.3.2.3 lays them out) as the decoder hands an accepted frame to the track; the
     * parity is not the track's concern.
     */
    private static byte[] report(boolean odd, int lat, int lon) {
        long me = 11L << 51 | (odd ? 1L : 0L) << 34 | (long) lat << 17 | lon;
        byte[] f = new byte[14];
        f[0] = (byte) 0x8D; // DF17, CA 5
        f[1] = (byte) (A.value() >>> 16);
        f[2] = (byte) (A.value() >>> 8);
        f[3] = (byte) A.value();
        for (int i = 0; i < 7; i++) {
            f[4 + i] = (byte) (me >>> (48 - 8 * i));
        }
        return f;
    }

    @Test
    void update_pairThenFarAwayLocalFix_refusedWithinTheMinute() {
        Track track = new Track(A);
        // The even/odd pair of 52.2572 N 3.91937 E by the DO-260B A.1.7.3 encoding equations
        // (as in CprPropertiesTest): a fix; then, 1 s later, an even report ~20 km further north
        // must not move the aircraft.
        int[] even = {93000, 51372};
        int[] odd = {73974, 49945};
        assertThat(track.update(report(false, even[0], even[1]), 0, Optional.empty()))
                .isNull();
        GeoPosition fix =
                java.util.Objects.requireNonNull(track.update(report(true, odd[0], odd[1]), 1000, Optional.empty()));
        int farLat = (even[0] + 4000) & 0x1FFFF; // 4000/2^17 of a 6° zone = 0.18° ≈ 20 km
        assertThat(track.update(report(false, farLat, even[1]), 2000, Optional.empty()))
                .isNull();
        assertThat(track.snapshot().position()).hasValue(fix);
        // A minute later the check lapses and a consistent report is accepted again.
        assertThat(track.update(report(false, even[0], even[1]), 70_000, Optional.empty()))
                .isNotNull();
    }
}
