package org.parley.adsb.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbResult;
import org.parley.testing.Corpus;

/**
 * {@link AdsbFeed#decode} (Beast frames decoded in place from the read buffer) against the reference
 * path, {@link AdsbFeed#read} then {@link AdsbDecoder#decode(org.parley.adsb.ModeSFrame, Instant)}
 * per frame: the same results and records in the same order, on the Beast capture with random byte
 * edits (escapes, stray 0x1a, cut frames) read in chunks of random size, so frames straddle buffer
 * boundaries. Seeded; the seed is in every failure message.
 */
class FeedDecodeTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void decode_mutatedBeastInChunks_sameAsReadThenDecode(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] stream = mutated(random);
        int maxChunk = 1 + random.nextInt(200);

        List<String> reference = new ArrayList<>();
        AdsbDecoder referenceDecoder =
                AdsbDecoder.builder().correctSingleBitErrors(seed % 2 == 0).build();
        AdsbFeed.read(new Chunked(stream, new SplittableRandom(seed), maxChunk), FeedFormat.BEAST, r -> {
            if (r instanceof FeedRecord.Frame f) {
                reference.add(referenceDecoder
                        .decode(f.frame(), at(f.timestamp12MHz().orElse(0)))
                        .toString());
            } else {
                reference.add(r.toString());
            }
        });

        List<String> direct = new ArrayList<>();
        AdsbDecoder directDecoder =
                AdsbDecoder.builder().correctSingleBitErrors(seed % 2 == 0).build();
        AdsbFeed.decode(
                new Chunked(stream, new SplittableRandom(seed), maxChunk),
                FeedFormat.BEAST,
                directDecoder,
                FeedDecodeTest::at,
                new AdsbFeed.Listener() {
                    @Override
                    public void result(AdsbResult result) {
                        direct.add(result.toString());
                    }

                    @Override
                    public void record(FeedRecord record) {
                        direct.add(record.toString());
                    }
                });

        assertThat(direct).as("seed %d", seed).isEqualTo(reference);
        assertThat(directDecoder.aircraft()).as("seed %d", seed).isEqualTo(referenceDecoder.aircraft());
    }

    /**
     * Read one byte at a time, every frame goes through the state machine; read in larger chunks,
     * whole frames take the in-place and the unescaping fast paths. Same records either way.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
    void read_mutatedBeastInChunks_sameRecordsAsByteAtATime(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] stream = mutated(random);
        int maxChunk = 1 + random.nextInt(4096);
        List<String> byteAtATime = new ArrayList<>();
        AdsbFeed.read(
                new Chunked(stream, new SplittableRandom(seed), 1),
                FeedFormat.BEAST,
                r -> byteAtATime.add(r.toString()));
        List<String> chunked = new ArrayList<>();
        AdsbFeed.read(
                new Chunked(stream, new SplittableRandom(seed), maxChunk),
                FeedFormat.BEAST,
                r -> chunked.add(r.toString()));
        assertThat(chunked).as("seed %d, chunks up to %d", seed, maxChunk).isEqualTo(byteAtATime);
        assertThat(byteAtATime).as("seed %d", seed).hasSizeGreaterThan(100);
        assertThat(escapedPairs(stream))
                .as("seed %d: escaped bytes to unescape", seed)
                .isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void decode_refusedFrameAtAnOffset_sharedConstantAndSameAsFrameEntry(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AdsbDecoder decoder = AdsbDecoder.create();
        byte[] buffer = new byte[64];
        random.nextBytes(buffer);
        // DF20 with an address no DF11/17/18 confirmed: refused.
        byte[] frame = org.parley.adsb.ModeSFrame.parseHex("A00015B7C26E1370AA00005DD34A")
                .orElseThrow()
                .bytes();
        int offset = random.nextInt(buffer.length - frame.length);
        System.arraycopy(frame, 0, buffer, offset, frame.length);
        AdsbResult first = decoder.decode(buffer, offset, frame.length, T0);
        AdsbResult second = decoder.decode(buffer, offset, frame.length, T0);
        assertThat(first)
                .as("seed %d", seed)
                .isInstanceOf(AdsbResult.Rejected.class)
                .isSameAs(second);
        assertThat(decoder.decode(org.parley.adsb.ModeSFrame.of(frame), T0)).isEqualTo(first);
    }

    private static int escapedPairs(byte[] stream) {
        int pairs = 0;
        for (int i = 1; i < stream.length; i++) {
            if (stream[i] == 0x1a && stream[i - 1] == 0x1a) {
                pairs++;
                i++;
            }
        }
        return pairs;
    }

    private static Instant at(long ticks) {
        return T0.plusNanos(ticks * 1000 / 12);
    }

    /** The Beast capture three times, with up to 300 random edits biased to 0x1a and type bytes. */
    private static byte[] mutated(SplittableRandom random) {
        byte[] one = Corpus.bytes("adsb/traffic_sample_dump1090.bin");
        byte[] three = new byte[one.length * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(one, 0, three, i * one.length, one.length);
        }
        int edits = random.nextInt(301);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(three.length);
            three[at] = switch (random.nextInt(4)) {
                case 0 -> 0x1a;
                case 1 -> (byte) ('1' + random.nextInt(4));
                default -> (byte) random.nextInt(256);
            };
        }
        return three;
    }

    /** Hands the bytes out in chunks of 1..maxChunk bytes. */
    private static final class Chunked extends ByteArrayInputStream {
        private final SplittableRandom random;
        private final int maxChunk;

        Chunked(byte[] bytes, SplittableRandom random, int maxChunk) {
            super(bytes);
            this.random = random;
            this.maxChunk = maxChunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(maxChunk)));
        }
    }
}
