package org.parley.adsb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TrackTest {
    private static final IcaoAddress A = new IcaoAddress(0x406B90);

    /** A TC 11 airborne position report as the ME decoder would hand it to the track. */
    private static ModeSMessage.AirbornePosition report(boolean odd, int lat, int lon) {
        return new ModeSMessage.AirbornePosition(
                17, A, 11, OptionalInt.of(36000), false, 0, odd, lat, lon, Optional.empty());
    }

    @Test
    void update_pairThenFarAwayLocalFix_refusedWithinTheMinute() {
        Track track = new Track(A);
        // The even/odd pair of 52.2572 N 3.91937 E by the DO-260B A.1.7.3 encoding equations
        // (as in CprPropertiesTest): a fix; then, 1 s later, an even report ~20 km further north
        // must not move the aircraft.
        int[] even = {93000, 51372};
        int[] odd = {73974, 49945};
        track.update(report(false, even[0], even[1]), 0, Optional.empty());
        ModeSMessage second = track.update(report(true, odd[0], odd[1]), 1000, Optional.empty());
        GeoPosition fix = ((ModeSMessage.AirbornePosition) second).position().orElseThrow();
        int farLat = (even[0] + 4000) & 0x1FFFF; // 4000/2^17 of a 6° zone = 0.18° ≈ 20 km
        ModeSMessage jump = track.update(report(false, farLat, even[1]), 2000, Optional.empty());
        assertThat(((ModeSMessage.AirbornePosition) jump).position()).isEmpty();
        assertThat(track.snapshot().position()).hasValue(fix);
        // A minute later the check lapses and a consistent report is accepted again.
        ModeSMessage later = track.update(report(false, even[0], even[1]), 70_000, Optional.empty());
        assertThat(((ModeSMessage.AirbornePosition) later).position()).isPresent();
    }
}
