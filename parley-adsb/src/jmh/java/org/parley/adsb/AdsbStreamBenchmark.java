package org.parley.adsb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedFormat;
import org.parley.adsb.feed.FeedRecord;
import org.parley.testing.Corpus;

/**
 * The end-to-end bench's work in steady state, per frame: Beast framing and decode of the benchmark
 * stream, built as {@code bench/adsb-make-beast.py} builds it (the Beast sample's Mode S frames, the
 * pyModeS DF17 sample and the DF20/DF21 Comm-B samples in that order, a 12 MHz timestamp 50 us apart,
 * 0x1a escaped), 100,000 frames; the decoder has defaults (no error correction, unconfirmed addresses
 * refused), as in {@code parley adsb decode}. About 82 % of the frames are refused (Comm-B replies
 * whose address no DF11/17/18 confirmed), the rest decoded. The receive time is refreshed every 1,024
 * frames, as the CLI does it, and moves on by the stream's length at every pass.
 *
 * <p>{@code decodeStream} is the path a feed takes through {@code AdsbFeed.decode} (frames decoded in
 * place from the read buffer); {@code readThenDecode} the older {@code AdsbFeed.read} + {@code
 * AdsbDecoder.decode(ModeSFrame, Instant)} path with a record and a frame per input frame. The two
 * single-frame benchmarks isolate the allocation of a refused and of an accepted frame for
 * {@code -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AdsbStreamBenchmark {
    static final int FRAMES = 100_000;
    private static final long TICKS_PER_FRAME = 600; // 50 us at 12 MHz
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private byte[] stream;
    private AdsbDecoder decoder;
    private AdsbDecoder singleDecoder;
    private long passNanos;
    private Instant now = T0;
    private long frameCount;
    private byte[] refused;
    private byte[] accepted;
    private final Instant singleAt = T0;

    @Setup(Level.Trial)
    public void load() throws IOException {
        stream = benchStream(FRAMES);
        decoder = AdsbDecoder.create();
        // A refused frame: a DF20 Comm-B reply whose address was never confirmed.
        refused = ModeSFrame.parseHex("A00015B7C26E1370AA00005DD34A").orElseThrow().bytes();
        // An accepted frame: DF17 airborne velocity (TC 19), from the pyModeS sample.
        accepted = ModeSFrame.parseHex("8D406B909945DE10000405999BE4").orElseThrow().bytes();
        singleDecoder = AdsbDecoder.create();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void decodeStream(Blackhole bh) throws IOException {
        long base = passNanos;
        passNanos += FRAMES * TICKS_PER_FRAME * 1000 / 12;
        AdsbFeed.decode(new ByteArrayInputStream(stream), FeedFormat.BEAST, decoder, ts -> at(base, ts), new AdsbFeed.Listener() {
            @Override
            public void result(AdsbResult result) {
                bh.consume(result);
            }

            @Override
            public void record(FeedRecord record) {
                bh.consume(record);
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void readThenDecode(Blackhole bh) throws IOException {
        long base = passNanos;
        passNanos += FRAMES * TICKS_PER_FRAME * 1000 / 12;
        AdsbFeed.read(new ByteArrayInputStream(stream), FeedFormat.BEAST, r -> {
            if (r instanceof FeedRecord.Frame f) {
                bh.consume(decoder.decode(f.frame(), at(base, f.timestamp12MHz().orElse(0))));
            }
        });
    }

    @Benchmark
    public AdsbResult refusedFrame() {
        return singleDecoder.decode(refused, 0, refused.length, singleAt);
    }

    @Benchmark
    public AdsbResult acceptedFrame() {
        return singleDecoder.decode(accepted, 0, accepted.length, singleAt);
    }

    /** The same frame when the consumer asks for its message: the message is made on demand. */
    @Benchmark
    public ModeSMessage acceptedFrameMessage() {
        return ((AdsbResult.Decoded) singleDecoder.decode(accepted, 0, accepted.length, singleAt)).message();
    }

    /** The CLI's receive clock: read once per 1,024 frames. */
    private Instant at(long base, long ticks) {
        if ((frameCount++ & 1023) == 0) {
            now = T0.plusNanos(base + ticks * 1000 / 12);
        }
        return now;
    }

    /** The frames of bench/adsb-make-beast.py, in its order, repeated to {@code n}, as a Beast stream. */
    static byte[] benchStream(int n) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        List<Integer> signals = new ArrayList<>();
        AdsbFeed.read(
                new ByteArrayInputStream(Corpus.bytes("adsb/traffic_sample_dump1090.bin")), FeedFormat.BEAST, r -> {
                    if (r instanceof FeedRecord.Frame f) {
                        frames.add(f.frame().bytes());
                        signals.add(f.signalLevel().orElse(0x40));
                    }
                });
        addCsv(frames, signals, "adsb/pymodes_sample_data_adsb.csv", 1);
        addCsv(frames, signals, "adsb/pymodes_sample_data_commb_df20.csv", 2);
        addCsv(frames, signals, "adsb/pymodes_sample_data_commb_df21.csv", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long ts = 0;
        for (int written = 0; written < n; written++) {
            byte[] f = frames.get(written % frames.size());
            ts = (ts + TICKS_PER_FRAME) & 0xFFFF_FFFF_FFFFL;
            out.write(0x1a);
            out.write(f.length == 7 ? '2' : '3');
            byte[] body = new byte[7 + f.length];
            for (int i = 0; i < 6; i++) {
                body[i] = (byte) (ts >>> (40 - 8 * i));
            }
            body[6] = (byte) (int) signals.get(written % frames.size());
            System.arraycopy(f, 0, body, 7, f.length);
            for (byte b : body) {
                out.write(b);
                if (b == 0x1a) {
                    out.write(b);
                }
            }
        }
        return out.toByteArray();
    }

    private static void addCsv(List<byte[]> frames, List<Integer> signals, String file, int column) {
        for (String row : Corpus.lines(file)) {
            String hex = row.split(",", -1)[column].strip().replace("\"", "").replace("\uFEFF", "");
            frames.add(ModeSFrame.parseHex(hex).orElseThrow().bytes());
            signals.add(0x40);
        }
    }
}
