package org.parley.adsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A surface vehicle end to end: DF17 TC 7 frames assembled bit by bit from DO-260B §2.2.3.2.4
 * (movement, track, CPR format and the 17-bit CPR fields of the A.1.7.3 encoding), with parity,
 * through the decoder and the aircraft state, resolved against a receiver 20 km away.
 */
class SurfacePositionTest {
    private static final double LAT = 51.4700; // a runway threshold-like spot
    private static final double LON = -0.4543;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static ModeSFrame surfaceFrame(boolean odd, int movement, int track7) {
        int[] cpr = encode(LAT, LON, odd);
        long me = 7L << 51 // TC 7
                | (long) movement << 44
                | 1L << 43 // track status valid
                | (long) track7 << 36
                | (odd ? 1L : 0L) << 34
                | (long) cpr[0] << 17
                | cpr[1];
        byte[] f = new byte[14];
        f[0] = (byte) ((17 << 3) | 4); // DF17, CA 4 = on the ground
        f[1] = 0x40;
        f[2] = 0x12;
        f[3] = 0x34;
        for (int i = 0; i < 7; i++) {
            f[4 + i] = (byte) (me >>> (48 - 8 * i));
        }
        int parity = Crc24.syndrome(f, 14); // parity bytes still zero: this is the CRC
        f[11] = (byte) (parity >>> 16);
        f[12] = (byte) (parity >>> 8);
        f[13] = (byte) parity;
        return ModeSFrame.of(f);
    }

    /** DO-260B A.1.7.3 with the surface zone sizes (90° instead of 360°). */
    private static int[] encode(double lat, double lon, boolean odd) {
        int i = odd ? 1 : 0;
        double dLat = 90.0 / (60 - i);
        long yz = (long) Math.floor(131072 * mod(lat, dLat) / dLat + 0.5);
        double rLat = dLat * (yz / 131072.0 + Math.floor(lat / dLat));
        double dLon = 90.0 / Math.max(Cpr.nl(rLat) - i, 1);
        long xz = (long) Math.floor(131072 * mod(lon, dLon) / dLon + 0.5);
        return new int[] {(int) (yz & 0x1FFFF), (int) (xz & 0x1FFFF)};
    }

    private static double mod(double x, double y) {
        return x - y * Math.floor(x / y);
    }

    @Test
    void decode_surfacePairWithReceiver_positionSpeedTrackAndOnGround() {
        AdsbDecoder decoder = AdsbDecoder.builder()
                .receiverPosition(new GeoPosition(51.60, -0.30))
                .build();
        // Movement 13: 2.0 kt <= speed < 2.5 kt (DO-260B Table 2-15); track 32/128 of 360° = 90°.
        assertThat(decoder.decode(surfaceFrame(false, 13, 32), T0)).isInstanceOf(AdsbResult.Decoded.class);
        AdsbResult second = decoder.decode(surfaceFrame(true, 13, 32), T0.plusSeconds(1));
        assertThat(second)
                .isInstanceOfSatisfying(
                        AdsbResult.Decoded.class,
                        d -> assertThat(d.message()).isInstanceOfSatisfying(ModeSMessage.SurfacePosition.class, s -> {
                            assertThat(s.groundSpeedKnots()).hasValue(2.0);
                            assertThat(s.trackDegrees()).hasValue(90.0);
                            GeoPosition p = s.position().orElseThrow();
                            assertThat(p.latitudeDegrees()).isCloseTo(LAT, offset(3e-5));
                            assertThat(p.longitudeDegrees()).isCloseTo(LON, offset(3e-4));
                        }));
        AircraftState state = decoder.aircraft(new IcaoAddress(0x401234)).orElseThrow();
        assertThat(state.onGround()).isTrue();
        assertThat(state.position()).isPresent();
    }

    @Test
    void decode_surfacePairWithoutReference_noPositionYet() {
        AdsbDecoder decoder = AdsbDecoder.create();
        decoder.decode(surfaceFrame(false, 13, 32), T0);
        AdsbResult second = decoder.decode(surfaceFrame(true, 13, 32), T0.plusSeconds(1));
        assertThat(second)
                .isInstanceOfSatisfying(
                        AdsbResult.Decoded.class,
                        d -> assertThat(((ModeSMessage.SurfacePosition) d.message()).position())
                                .isEmpty());
    }
}
