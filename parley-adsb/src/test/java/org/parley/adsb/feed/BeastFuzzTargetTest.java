package org.parley.adsb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbResult;

/**
 * Coverage-guided fuzzing of the Beast reader and the Mode S decoder behind it with Jazzer: any
 * bytes on port 30005 give records, never an exception, and every frame the reader finds gets a
 * decoder answer.
 *
 * <p>In {@code verify} this runs the inputs kept in {@code BeastFuzzTargetTestInputs/} (slices of
 * the real capture and past findings) once each; {@code -Pfuzz} fuzzes it for real (see the parent
 * POM). The decoder lives as long as the test instance, so CPR pairs and address confirmation carry
 * across inputs as on a live feed.
 */
class BeastFuzzTargetTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final AdsbDecoder decoder = AdsbDecoder.create();

    @FuzzTest
    void read_anyBeastBytes_everyFrameAnsweredAndNothingThrown(byte[] stream) throws IOException {
        long[] frames = new long[2];

        AdsbFeed.read(new ByteArrayInputStream(stream), FeedFormat.BEAST, r -> {
            if (r instanceof FeedRecord.Frame f) {
                frames[0]++;
                AdsbResult answer = decoder.decode(f.frame(), T0.plusMillis(frames[0]));
                if (answer instanceof AdsbResult.Decoded || answer instanceof AdsbResult.Rejected) {
                    frames[1]++;
                }
            }
        });

        assertThat(frames[1]).isEqualTo(frames[0]);
    }
}
