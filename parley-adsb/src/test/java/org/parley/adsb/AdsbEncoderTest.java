package org.parley.adsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.testing.Corpus;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

class AdsbEncoderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** dump1090-mutability's raw output for the pyModeS DF17 sample (peer data, not ours). */
    private static List<String> peerFrames() {
        return Corpus.lines("adsb/peer/pymodes_sample_data_adsb.csv.mutability.raw").stream()
                .filter(l -> l.startsWith("*8D") && l.endsWith(";") && l.length() == 30)
                .map(l -> l.substring(1, 29))
                .distinct()
                .toList();
    }

    @Test
    void identification_peerFrames_reencodeToTheSameBits() {
        int checked = 0;
        for (String hex : peerFrames()) {
            if (AdsbDecoder.create().decodeHex(hex, T0) instanceof AdsbResult.Decoded d
                    && d.message() instanceof ModeSMessage.Identification id) {
                assertThat(AdsbEncoder.identification(id.address(), id.typeCode(), id.category(), id.callsign()))
                        .isEqualTo(hex);
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void airbornePosition_peerFramesWithDefaultFlags_reencodeFromTheDecodedPosition() {
        AdsbDecoder decoder = AdsbDecoder.create();
        int checked = 0;
        for (String hex : peerFrames()) {
            byte[] f = HexFormat.of().parseHex(hex);
            if (decoder.decodeHex(hex, T0) instanceof AdsbResult.Decoded d
                    && d.message() instanceof ModeSMessage.AirbornePosition p
                    && p.position().isPresent()
                    && p.altitudeFeet().isPresent()
                    && Bits.me(f, 6, 3) == 0 // SS and NIC-B
                    && Bits.me(f, 21, 1) == 0 // T
                    && Bits.me(f, 16, 1) == 1) { // Q: 25 ft steps
                // The decoded position of the newest report is its CPR cell's own corner:
                // encoding it again must give back its bits.
                GeoPosition at = p.position().orElseThrow();
                assertThat(AdsbEncoder.airbornePosition(
                                p.address(),
                                p.typeCode(),
                                at.latitudeDegrees(),
                                at.longitudeDegrees(),
                                p.altitudeFeet().getAsInt(),
                                p.oddFormat()))
                        .isEqualTo(hex);
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @SeededTest(tries = 300)
    void airbornePosition_evenThenOdd_decodesWithinCprResolution(SplittableRandom random) {
        double lat = Generators.scaled(Generators.doubleBetween(random, -89.9, 89.9), 7);
        double lon = Generators.scaled(random.nextDouble(-180, 180), 7);
        if (lon >= 180) { // rounding up from just below 180
            lon -= 360;
        }
        int altitudeSteps = Generators.intBetween(random, -40, 2000);
        IcaoAddress address = new IcaoAddress(0x780A3C);
        int feet = altitudeSteps * 25;
        AdsbDecoder decoder = AdsbDecoder.create();
        decoder.decodeHex(AdsbEncoder.airbornePosition(address, 11, lat, lon, feet, false), T0);

        AdsbResult r =
                decoder.decodeHex(AdsbEncoder.airbornePosition(address, 11, lat, lon, feet, true), T0.plusSeconds(1));

        ModeSMessage.AirbornePosition p = (ModeSMessage.AirbornePosition) ((AdsbResult.Decoded) r).message();
        GeoPosition at = p.position().orElseThrow();
        assertThat(p.altitudeFeet()).hasValue(feet);
        // 17-bit CPR: 360 / 59 / 2^17 degrees of latitude (5.2 m). A longitude cell is 360 / (NL - 1) / 2^17
        // degrees for the odd report decoded last: about the latitude cell over cos(lat) at mid latitudes,
        // but NL is a whole number, so near the poles (NL 2 or 3) the cell is wider than that.
        assertThat(at.latitudeDegrees()).isCloseTo(lat, within(360.0 / 59 / 131072));
        double dLon = Math.abs(((at.longitudeDegrees() - lon + 540) % 360) - 180);
        int nl = Math.min(Cpr.nl(lat), Cpr.nl(at.latitudeDegrees()));
        assertThat(dLon).isLessThan(360.0 / Math.max(nl - 1, 1) / 131072 * 1.01);
    }

    @SeededTest(tries = 300)
    void airborneVelocity_anySubsonicVector_decodesToTheRoundedComponents(SplittableRandom random) {
        double knots = Generators.scaled(Generators.doubleBetween(random, 0, 1000), 3);
        double track = Generators.scaled(random.nextDouble(0, 360), 3) % 360;
        int verticalRate = Generators.intBetween(random, -32000, 32000);
        String hex = AdsbEncoder.airborneVelocity(new IcaoAddress(0x40621D), knots, track, verticalRate);

        ModeSMessage.AirborneVelocity v = (ModeSMessage.AirborneVelocity)
                ((AdsbResult.Decoded) AdsbDecoder.create().decodeHex(hex, T0)).message();

        double east = v.groundSpeedKnots().orElseThrow()
                * Math.sin(Math.toRadians(v.trackDegrees().orElseThrow()));
        double north = v.groundSpeedKnots().orElseThrow()
                * Math.cos(Math.toRadians(v.trackDegrees().orElseThrow()));
        // DO-260B: 1 kn per component, 64 ft/min for the vertical rate.
        assertThat(east).isCloseTo(knots * Math.sin(Math.toRadians(track)), within(0.5 + 1e-9));
        assertThat(north).isCloseTo(knots * Math.cos(Math.toRadians(track)), within(0.5 + 1e-9));
        assertThat((double) v.verticalRateFeetPerMinute().orElseThrow()).isCloseTo(verticalRate, within(32.0));
        assertThat(v.barometricVerticalRate()).isTrue();
    }

    @SeededTest(tries = 200)
    void identification_anyCallsign_decodesToIt(SplittableRandom random) {
        String callsign = Generators.text(random, 1, 8, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        String hex = AdsbEncoder.identification(new IcaoAddress(0x4840D6), 4, 3, callsign);

        ModeSMessage.Identification id = (ModeSMessage.Identification)
                ((AdsbResult.Decoded) AdsbDecoder.create().decodeHex(hex, T0)).message();

        assertThat(id.callsign()).isEqualTo(callsign.stripTrailing());
        assertThat(id.typeCode()).isEqualTo(4);
        assertThat(id.category()).isEqualTo(3);
    }
}
