package org.parley.adsb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.testing.Corpus;

class AdsbFeedTest {
    private static List<FeedRecord> read(String text, FeedFormat format) throws IOException {
        List<FeedRecord> out = new ArrayList<>();
        AdsbFeed.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), format, out::add);
        return out;
    }

    @Test
    void read_avrPlainAndTimestamped_framesWithTimestamp() throws IOException {
        List<FeedRecord> records =
                read("*8D406B902015A678D4D220AA4BDA;\r\n@0123456789AB8D406B902015A678D4D220AA4BDA;\n", FeedFormat.AVR);
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(FeedRecord.Frame.class));
        FeedRecord.Frame second = (FeedRecord.Frame) records.get(1);
        assertThat(second.timestamp12MHz()).hasValue(0x0123456789ABL);
        assertThat(second.frame().hex()).isEqualTo("8D406B902015A678D4D220AA4BDA");
    }

    @Test
    void read_avrGarbageLines_rejectedAndReadingContinues() throws IOException {
        List<FeedRecord> records = read("hello\n*XYZ;\n*8D4;\n\n*8D406B902015A678D4D220AA4BDA;\n", FeedFormat.AVR);
        assertThat(records).hasSize(4);
        assertThat(records.subList(0, 3)).allSatisfy(r -> assertThat(r).isInstanceOf(FeedRecord.Rejected.class));
        assertThat(records.get(3)).isInstanceOf(FeedRecord.Frame.class);
    }

    @Test
    void read_nodeSbs1Sample_everyMsgLineParses() throws IOException {
        List<FeedRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Corpus.file("adsb/nodesbs1_msgs.txt"))) {
            assertThat(AdsbFeed.readDetected(in, records::add)).isEqualTo(FeedFormat.SBS);
        }
        List<String> lines = Corpus.lines("adsb/nodesbs1_msgs.txt");
        assertThat(records)
                .hasSize((int) lines.stream().filter(l -> !l.isBlank()).count());
        assertThat(records).allSatisfy(r -> assertThat(r).isInstanceOf(FeedRecord.BaseStationReport.class));
        // First line of the sample (SOURCES.md): MSG,3 for 4B1908 at 2525 ft, 33.96693 -118.25598.
        FeedRecord.BaseStationReport first = (FeedRecord.BaseStationReport) records.get(0);
        assertThat(first.address().hex()).isEqualTo("4B1908");
        assertThat(first.altitudeFeet()).hasValue(2525);
        assertThat(first.position().orElseThrow().latitudeDegrees()).isEqualTo(33.96693);
    }

    @Test
    void readDetected_beastSample_239ModeSFrames() throws IOException {
        List<FeedRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Corpus.file("adsb/traffic_sample_dump1090.bin"))) {
            assertThat(AdsbFeed.readDetected(in, records::add)).isEqualTo(FeedFormat.BEAST);
        }
        // SOURCES.md: 239 frames, 185 short and 54 long.
        assertThat(records).hasSize(239).allSatisfy(r -> assertThat(r).isInstanceOf(FeedRecord.Frame.class));
        long longFrames = records.stream()
                .filter(r -> ((FeedRecord.Frame) r).frame().bitLength() == 112)
                .count();
        assertThat(longFrames).isEqualTo(54);
    }
}
