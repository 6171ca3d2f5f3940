package org.parley.adsb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CprTest {
    // DO-260B Table A-2 (transition latitudes of the NL function), a few rows.
    @Test
    void nl_aroundSpecTransitionLatitudes_stepsDownByOne() {
        assertThat(Cpr.nl(0)).isEqualTo(59);
        assertThat(Cpr.nl(10.4704)).isEqualTo(59);
        assertThat(Cpr.nl(10.4705)).isEqualTo(58);
        assertThat(Cpr.nl(14.8281)).isEqualTo(58);
        assertThat(Cpr.nl(14.8282)).isEqualTo(57);
        assertThat(Cpr.nl(-86.5353)).isEqualTo(3);
        assertThat(Cpr.nl(86.5354)).isEqualTo(2);
        assertThat(Cpr.nl(86.9999)).isEqualTo(2);
        assertThat(Cpr.nl(87.0001)).isEqualTo(1);
    }

    @Test
    void local_referenceAtDecodedPosition_returnsSamePosition() {
        GeoPosition truth = new GeoPosition(52.25720, 3.91937);
        // Encode per DO-260B A.1.7.3 (even format) and decode locally against a nearby reference.
        double dLat = 360.0 / 60;
        int yz = (int) Math.floor(131072 * mod(truth.latitudeDegrees(), dLat) / dLat + 0.5) & 0x1FFFF;
        double rlat = dLat * (yz / 131072.0 + Math.floor(truth.latitudeDegrees() / dLat));
        double dLon = 360.0 / Cpr.nl(rlat);
        int xz = (int) Math.floor(131072 * mod(truth.longitudeDegrees(), dLon) / dLon + 0.5) & 0x1FFFF;
        GeoPosition decoded =
                Cpr.local(yz, xz, false, false, new GeoPosition(52.0, 4.2)).orElseThrow();
        assertThat(decoded.latitudeDegrees())
                .isCloseTo(truth.latitudeDegrees(), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(decoded.longitudeDegrees())
                .isCloseTo(truth.longitudeDegrees(), org.assertj.core.data.Offset.offset(1e-4));
    }

    private static double mod(double x, double y) {
        return x - y * Math.floor(x / y);
    }
}
