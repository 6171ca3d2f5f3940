package org.parley.adsb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbResult;
import org.parley.adsb.ModeSFrame;
import org.parley.testing.Corpus;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

/**
 * Random and mutated frames and Beast streams: nothing throws, every frame gets an answer. Each
 * try runs a batch so the totals reach a million frames and streams in a few seconds.
 * Coverage-guided fuzzing of the same entries is {@link BeastFuzzTargetTest}.
 */
class FeedFuzzTest {
    private static final int FRAMES_PER_TRY = 2_000;
    private static final List<byte[]> REAL = realFrames();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static List<byte[]> realFrames() {
        List<byte[]> out = new ArrayList<>();
        for (String row : Corpus.lines("adsb/pymodes_sample_data_adsb.csv")) {
            out.add(ModeSFrame.parseHex(row.split(",", -1)[1].replace("\"", ""))
                    .orElseThrow()
                    .bytes());
        }
        for (String row : Corpus.lines("adsb/pymodes_sample_data_commb_df20.csv")) {
            String[] f = row.split(",", -1);
            out.add(ModeSFrame.parseHex(f[2].strip()).orElseThrow().bytes());
        }
        return out;
    }

    /** 500 tries × 2,000 frames = 1,000,000 random or mutated frames through one decoder. */
    @SeededTest(tries = 500)
    void decode_randomAndMutatedFrames_neverThrows(SplittableRandom random) {
        AdsbDecoder decoder = AdsbDecoder.builder()
                .correctSingleBitErrors(random.nextBoolean())
                .acceptUnconfirmedAddresses(random.nextBoolean())
                .build();
        int answered = 0;
        for (int i = 0; i < FRAMES_PER_TRY; i++) {
            byte[] frame = mutate(random);
            AdsbResult r = decoder.decode(ModeSFrame.of(frame), T0.plusMillis(i));
            if (r instanceof AdsbResult.Decoded || r instanceof AdsbResult.Rejected) {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(FRAMES_PER_TRY);
        assertThat(decoder.aircraft()).allSatisfy(a -> assertThat(a.messages()).isPositive());
    }

    private static byte[] mutate(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            byte[] b = new byte[random.nextBoolean() ? 7 : 14];
            random.nextBytes(b);
            return b;
        }
        byte[] b = REAL.get(random.nextInt(REAL.size())).clone();
        int flips = 1 + random.nextInt(3);
        for (int k = 0; k < flips; k++) {
            int bit = random.nextInt(b.length * 8);
            b[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
        }
        return b;
    }

    /**
     * 500 tries, each the real Beast capture repeated 9 times (2,151 frames, 1.08M in all) with
     * random byte edits, half of them 0x1a: the reader never throws and the decoder answers all.
     */
    @SeededTest(tries = 500)
    void read_mutatedBeastStream_neverThrows(SplittableRandom random) throws IOException {
        int edits = Generators.intBetween(random, 0, 256);
        byte[] capture = Files.readAllBytes(Corpus.file("adsb/traffic_sample_dump1090.bin"));
        byte[] stream = new byte[capture.length * 9];
        for (int k = 0; k < 9; k++) {
            System.arraycopy(capture, 0, stream, k * capture.length, capture.length);
        }
        for (int k = 0; k < edits; k++) {
            int at = random.nextInt(stream.length);
            stream[at] = (byte) (random.nextBoolean() ? 0x1a : random.nextInt(256));
        }
        AdsbDecoder decoder = AdsbDecoder.create();
        long[] counts = new long[2];
        AdsbFeed.read(new ByteArrayInputStream(stream), FeedFormat.BEAST, r -> {
            if (r instanceof FeedRecord.Frame f) {
                counts[0]++;
                if (decoder.decode(f.frame(), T0) != null) {
                    counts[1]++;
                }
            }
        });
        assertThat(counts[0]).isPositive().isEqualTo(counts[1]);
    }

    /** Real SBS and AVR lines with random edits: one record per non-blank line, never a throw. */
    @SeededTest(tries = 200)
    void read_mutatedTextLines_oneRecordPerLine(SplittableRandom random) throws IOException {
        boolean sbs = random.nextBoolean();
        List<String> source = sbs
                ? Corpus.lines("adsb/nodesbs1_msgs.txt")
                : Corpus.lines("adsb/peer/traffic_sample_dump1090.bin.mutability.raw");
        StringBuilder text = new StringBuilder();
        int lines = 0;
        for (int i = 0; i < 500; i++) {
            char[] line = source.get(random.nextInt(source.size())).toCharArray();
            for (int k = random.nextInt(4); k > 0 && line.length > 0; k--) {
                line[random.nextInt(line.length)] = (char) (0x20 + random.nextInt(0x5f));
            }
            String l = new String(line);
            if (!l.isBlank()) {
                lines++;
                text.append(l).append(random.nextBoolean() ? "\n" : "\r\n");
            }
        }
        List<FeedRecord> records = new ArrayList<>();
        AdsbFeed.read(
                new ByteArrayInputStream(text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                sbs ? FeedFormat.SBS : FeedFormat.AVR,
                records::add);
        assertThat(records).hasSize(lines);
    }

    /** Frames written with Beast escaping come back unchanged, with timestamp and signal. */
    @SeededTest(tries = 200)
    void read_beastEncodedFrames_roundTrips(SplittableRandom random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] frame = mutate(random);
            sent.add(frame);
            out.write(0x1a);
            out.write(frame.length == 7 ? '2' : '3');
            byte[] body = new byte[7 + frame.length];
            random.nextBytes(body);
            System.arraycopy(frame, 0, body, 7, frame.length);
            for (byte b : body) {
                out.write(b);
                if (b == 0x1a) {
                    out.write(b);
                }
            }
        }
        List<byte[]> received = new ArrayList<>();
        AdsbFeed.read(new ByteArrayInputStream(out.toByteArray()), FeedFormat.BEAST, r -> {
            if (r instanceof FeedRecord.Frame f) {
                received.add(f.frame().bytes());
            }
        });
        assertThat(received).hasSameSizeAs(sent);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(received.get(i)).isEqualTo(sent.get(i));
        }
    }
}
