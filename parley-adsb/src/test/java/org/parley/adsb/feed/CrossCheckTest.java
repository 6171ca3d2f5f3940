package org.parley.adsb.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbResult;
import org.parley.adsb.CommB;
import org.parley.adsb.ModeSMessage;
import org.parley.testing.Corpus;

/**
 * The Beast sample's TC 28/29/31 squitters and Comm-B registers, which the peer files do not
 * print, checked against what the peer does print for the same aircraft (48520A) and against
 * each other: independent fields of the same aircraft must agree.
 */
class CrossCheckTest {
    private static List<ModeSMessage> decodeSample() throws IOException {
        List<ModeSMessage> out = new ArrayList<>();
        AdsbDecoder decoder = AdsbDecoder.create();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        try (InputStream in = Files.newInputStream(Corpus.file("adsb/traffic_sample_dump1090.bin"))) {
            AdsbFeed.read(in, FeedFormat.BEAST, r -> {
                if (r instanceof FeedRecord.Frame f && decoder.decode(f.frame(), t) instanceof AdsbResult.Decoded d) {
                    out.add(d.message());
                }
            });
        }
        return out;
    }

    private static List<String[]> peer(String type) {
        return Corpus.lines("adsb/peer/traffic_sample_dump1090.bin.mutability.sbs").stream()
                .map(l -> l.split(",", -1))
                .filter(f -> f[1].equals(type) && f[4].equals("48520A"))
                .toList();
    }

    @Test
    void decode_beastSample_statusSquawkMatchesPeerIdentityReplies() throws IOException {
        List<String> squawks = decodeSample().stream()
                .filter(m -> m instanceof ModeSMessage.AircraftStatus)
                .map(m -> ((ModeSMessage.AircraftStatus) m).squawk().orElseThrow())
                .toList();
        List<String> peerSquawks = peer("6").stream().map(f -> f[17]).distinct().toList();
        assertThat(squawks).hasSize(2).containsOnly(peerSquawks.toArray(new String[0]));
    }

    @Test
    void decode_beastSample_trackAndTurnAgreesWithPeerVelocity() throws IOException {
        String[] velocity = peer("4").get(0);
        List<CommB.TrackAndTurn> bds50 = decodeSample().stream()
                .filter(m -> m instanceof ModeSMessage.CommBReply r && r.commB() instanceof CommB.TrackAndTurn)
                .map(m -> (CommB.TrackAndTurn) ((ModeSMessage.CommBReply) m).commB())
                .toList();
        assertThat(bds50).isNotEmpty().allSatisfy(t -> {
            assertThat((double) t.groundSpeedKnots().orElseThrow())
                    .isCloseTo(Double.parseDouble(velocity[12]), offset(3.0));
            assertThat(t.trueTrackDegrees().orElseThrow()).isCloseTo(Double.parseDouble(velocity[13]), offset(2.0));
        });
    }

    @Test
    void decode_beastSample_targetStateSelectedAltitudeAgreesWithBds40() throws IOException {
        List<ModeSMessage> messages = decodeSample();
        List<Integer> targetState = messages.stream()
                .filter(m -> m instanceof ModeSMessage.TargetState)
                .map(m -> ((ModeSMessage.TargetState) m).selectedAltitudeFeet().orElseThrow())
                .toList();
        List<Integer> bds40 = messages.stream()
                .filter(m ->
                        m instanceof ModeSMessage.CommBReply r && r.commB() instanceof CommB.SelectedVerticalIntention)
                .map(m -> ((CommB.SelectedVerticalIntention) ((ModeSMessage.CommBReply) m).commB())
                        .mcpAltitudeFeet()
                        .orElseThrow())
                .toList();
        assertThat(targetState).hasSize(4);
        assertThat(bds40).isNotEmpty();
        // TC 29 quantises to 32 ft, BDS 4,0 to 16 ft.
        assertThat(targetState).allSatisfy(a -> assertThat((double) a).isCloseTo(bds40.get(0), offset(32.0)));
        // SOURCES.md counts 4 TC 31 squitters in the sample.
        assertThat(messages.stream().filter(m -> m instanceof ModeSMessage.OperationalStatus))
                .hasSize(4);
    }
}
