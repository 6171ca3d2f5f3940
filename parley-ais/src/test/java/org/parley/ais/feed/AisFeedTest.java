package org.parley.ais.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.ais.AisDecoder;
import org.parley.ais.AisResult;
import org.parley.ais.RejectReason;
import org.parley.testing.Corpus;

class AisFeedTest {
    @TempDir
    Path dir;

    @Test
    void run_plainAndGzipFile_decodeTheSameMessages() throws IOException {
        Path plain = Corpus.file("ais/dma_small_cb_example.txt");
        Path gzip = dir.resolve("feed.nmea.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(Files.readAllBytes(plain));
        }

        List<Integer> fromPlain = mmsis(AisFeed.file(plain, AisDecoder.create()));
        List<Integer> fromGzip = mmsis(AisFeed.file(gzip, AisDecoder.create()));

        assertThat(fromPlain).isNotEmpty().isEqualTo(fromGzip);
    }

    @Test
    void run_badLinesAmongGood_countsRejectsPerReasonAndKeepsGoing() {
        // dma_small_cb_example.txt holds a $PFOO line, a corrupt trailing field and an orphan fragment.
        AisFeed feed = AisFeed.file(Corpus.file("ais/dma_small_cb_example.txt"), AisDecoder.create());
        List<Integer> got = mmsis(feed);

        assertThat(feed.lineCount())
                .isEqualTo(Corpus.lines("ais/dma_small_cb_example.txt").size());
        assertThat(feed.rejectCounts()).containsKeys(RejectReason.NOT_AIS, RejectReason.ORPHAN_FRAGMENT);
        assertThat(got).hasSize((int) feed.decodedCount());
    }

    @Test
    void run_stream_readsLinesUntilEnd() {
        byte[] text = String.join("\n", Corpus.lines("ais/pyais_messages.ais")).getBytes(StandardCharsets.US_ASCII);

        AisFeed feed = AisFeed.stream("stdin", new ByteArrayInputStream(text), AisDecoder.create());
        List<Integer> got = mmsis(feed);

        assertThat(got).hasSize(6); // SOURCES.md: 6 type 1 sentences in pyais_messages.ais
    }

    private static List<Integer> mmsis(AisFeed feed) {
        List<Integer> out = new ArrayList<>();
        try (feed) {
            feed.run((AisResult.Decoded d) -> out.add(d.message().mmsi()));
        }
        return out;
    }
}
