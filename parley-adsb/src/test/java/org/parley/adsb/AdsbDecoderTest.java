package org.parley.adsb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.testing.Corpus;
import org.parley.testing.TestClock;

class AdsbDecoderTest {
    private static final Instant T0 = Instant.parse("2016-03-14T23:00:00Z");
    // pyModeS golden file: DF17 TC4 identification of 406B90, callsign EZY85MH.
    private static final String IDENT = "8D406B902015A678D4D220AA4BDA";

    @Test
    void decodeHex_notHexOrWrongLength_rejectedWithReason() {
        AdsbDecoder decoder = AdsbDecoder.create();
        for (String bad : List.of("", "zz", "8D406B902015A678D4D220AA4BD", "8D406B902015A678D4D220AA4BDX", "hello")) {
            assertThat(decoder.decodeHex(bad, T0))
                    .isInstanceOfSatisfying(
                            AdsbResult.Rejected.class,
                            r -> assertThat(r.cause()).isEqualTo(AdsbResult.Cause.NOT_HEX));
        }
    }

    @Test
    void decode_pyModeSFrames_lazyResultAgreesWithItsMessageAndFrame() {
        // pyModeS sample: 406B90 identification, velocity, then an even/odd airborne position pair
        // (near 52.26 N 3.92 E): the Decoded's own accessors must say what its message and frame say.
        List<String> frames = List.of(
                IDENT, "8D485020994409940838175B284F", "8D40621D58C382D690C8AC2863A7", "8D40621D58C386435CC412692AD6");
        AdsbDecoder byBytes = AdsbDecoder.create();
        AdsbDecoder byFrame = AdsbDecoder.create();
        for (int i = 0; i < frames.size(); i++) {
            ModeSFrame frame = ModeSFrame.parseHex(frames.get(i)).orElseThrow();
            byte[] padded = new byte[20];
            System.arraycopy(frame.bytes(), 0, padded, 3, 14);
            Instant at = T0.plusSeconds(i);
            AdsbResult.Decoded d = (AdsbResult.Decoded) byBytes.decode(padded, 3, 14, at);
            assertThat(d.address()).isEqualTo(d.message().address());
            assertThat(d.downlinkFormat()).isEqualTo(17).isEqualTo(d.message().downlinkFormat());
            assertThat(d.frame()).isEqualTo(frame);
            for (int b = 0; b < 14; b++) {
                assertThat(d.byteAt(b)).isEqualTo(frame.bytes()[b] & 0xFF);
            }
            assertThat(d.receivedAt()).isEqualTo(at);
            AdsbResult other = byFrame.decode(frame, at);
            assertThat(other).isEqualTo(d).hasSameHashCodeAs(d);
            assertThat(other.toString()).isEqualTo(d.toString()).startsWith("Decoded[message=");
        }
        AdsbResult.Decoded last = (AdsbResult.Decoded) byBytes.decodeHex(frames.get(3), T0.plusSeconds(4));
        assertThat(last.hasPosition()).isTrue();
        assertThat(last.message())
                .isInstanceOfSatisfying(
                        ModeSMessage.AirbornePosition.class,
                        p -> assertThat(p.position()).isEqualTo(last.position()));
        assertThat(last.position().orElseThrow().latitudeDegrees()).isCloseTo(52.26, offset(0.02));
    }

    @Test
    void decodeHex_longFormatInShortFrame_rejectedWrongLength() {
        AdsbResult r = AdsbDecoder.create().decodeHex(IDENT.substring(0, 14), T0);
        assertThat(r)
                .isInstanceOfSatisfying(
                        AdsbResult.Rejected.class, x -> assertThat(x.cause()).isEqualTo(AdsbResult.Cause.WRONG_LENGTH));
    }

    @Test
    void decode_df17OneBitFlipped_rejectedUnlessCorrectionOn() {
        byte[] bytes = ModeSFrame.parseHex(IDENT).orElseThrow().bytes();
        bytes[9] ^= 0x04;
        ModeSFrame damaged = ModeSFrame.of(bytes);
        assertThat(AdsbDecoder.create().decode(damaged, T0))
                .isInstanceOfSatisfying(
                        AdsbResult.Rejected.class, r -> assertThat(r.cause()).isEqualTo(AdsbResult.Cause.BAD_PARITY));
        AdsbResult fixed =
                AdsbDecoder.builder().correctSingleBitErrors(true).build().decode(damaged, T0);
        assertThat(fixed).isInstanceOfSatisfying(AdsbResult.Decoded.class, d -> {
            assertThat(d.addressCheck()).isEqualTo(AdsbResult.AddressCheck.CORRECTED);
            assertThat(d.frame().hex()).isEqualTo(IDENT);
            assertThat(d.message())
                    .isInstanceOfSatisfying(
                            ModeSMessage.Identification.class,
                            i -> assertThat(i.callsign()).isEqualTo("EZY85MH"));
        });
    }

    @Test
    void decode_commBBeforeAndAfterAddressConfirmed_rejectedThenKnown() {
        // DF20 from the pyModeS Comm-B sample whose parity gives address 484B92 (golden file).
        String df20 = "A000039199680030A800006A74AC";
        AdsbDecoder decoder = AdsbDecoder.create();
        assertThat(decoder.decodeHex(df20, T0))
                .isInstanceOfSatisfying(
                        AdsbResult.Rejected.class,
                        r -> assertThat(r.cause()).isEqualTo(AdsbResult.Cause.UNCONFIRMED_ADDRESS));
        // A DF11 with clean parity from the same address confirms it.
        byte[] df11 = {0x5D, 0x48, 0x4B, (byte) 0x92, 0, 0, 0};
        byte[] withParity = withAddressParity(df11, 0);
        assertThat(decoder.decode(ModeSFrame.of(withParity), T0)).isInstanceOf(AdsbResult.Decoded.class);
        assertThat(decoder.decodeHex(df20, T0.plusSeconds(1)))
                .isInstanceOfSatisfying(
                        AdsbResult.Decoded.class,
                        d -> assertThat(d.addressCheck()).isEqualTo(AdsbResult.AddressCheck.KNOWN_ADDRESS));
        assertThat(decoder.aircraft(IcaoAddress.parse("484B92")).orElseThrow().baroAltitudeFeet())
                .hasValue(4625);
    }

    /** Fills the last three bytes so that the syndrome equals {@code overlay}. */
    private static byte[] withAddressParity(byte[] frame, int overlay) {
        int crc = Crc24.syndrome(frame, frame.length); // parity bytes are zero: this is the CRC
        int parity = crc ^ overlay;
        frame[frame.length - 3] = (byte) (parity >>> 16);
        frame[frame.length - 2] = (byte) (parity >>> 8);
        frame[frame.length - 1] = (byte) parity;
        return frame;
    }

    @Test
    void aircraft_afterPyModeSSample_stateMatchesDump1090LastReports() {
        TestClock clock = new TestClock(T0);
        AdsbDecoder decoder = AdsbDecoder.builder().clock(clock).build();
        for (String row : Corpus.lines("adsb/pymodes_sample_data_adsb.csv")) {
            clock.advance(java.time.Duration.ofMillis(1));
            decoder.decode(
                    ModeSFrame.parseHex(row.split(",", -1)[1].replace("\"", "")).orElseThrow());
        }
        List<String> peer = Corpus.lines("adsb/peer/pymodes_sample_data_adsb.csv.mutability.sbs");
        String[] lastPosition = last(peer, "MSG,3,", true);
        String[] lastAltitude = last(peer, "MSG,3,", false);
        String[] lastVelocity = last(peer, "MSG,4,", false);
        AircraftState state = decoder.aircraft(IcaoAddress.parse("406B90")).orElseThrow();
        assertThat(decoder.aircraft()).hasSize(1);
        assertThat(state.callsign()).hasValue("EZY85MH");
        assertThat(state.emitterCategory()).hasValue("A0");
        assertThat(state.baroAltitudeFeet()).hasValue(Integer.parseInt(lastAltitude[11]));
        assertThat((int) state.groundSpeedKnots().orElseThrow()).isEqualTo(Integer.parseInt(lastVelocity[12]));
        assertThat(state.verticalRateFeetPerMinute()).hasValue(Integer.parseInt(lastVelocity[16]));
        assertThat(state.trackDegrees().orElseThrow()).isCloseTo(Double.parseDouble(lastVelocity[13]), offset(1.0));
        GeoPosition p = state.position().orElseThrow();
        // The peer's last printed position is up to ~20 s older (its speed check refused the
        // latest ones), i.e. up to ~5 km at 490 kt; positions in common agree to 1e-5° (see
        // Dump1090DifferentialTest).
        assertThat(p.latitudeDegrees()).isCloseTo(Double.parseDouble(lastPosition[14]), offset(0.1));
        assertThat(p.longitudeDegrees()).isCloseTo(Double.parseDouble(lastPosition[15]), offset(0.1));
        assertThat(state.onGround()).isFalse();
        assertThat(state.lastUpdate()).isEqualTo(clock.instant());
        assertThat(state.messages()).isEqualTo(2000);
    }

    private static String[] last(List<String> lines, String prefix, boolean withPosition) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] f = lines.get(i).split(",", -1);
            if (lines.get(i).startsWith(prefix) && (!withPosition || !f[14].isEmpty())) {
                return f;
            }
        }
        throw new AssertionError("no " + prefix + " line");
    }
}
