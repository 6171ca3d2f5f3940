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
import org.parley.testing.Corpus;

/**
 * Decode throughput on the real captures: the 2,000 DF17 frames of the pyModeS sample and the
 * 10,000 DF20/21 Comm-B frames (decoded with unconfirmed addresses accepted, so Comm-B inference
 * runs), and Beast framing plus decode of the same frames.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AdsbDecoderBenchmark {
    private static final int FRAMES = 12_000;
    private ModeSFrame[] frames;
    private byte[] beast;
    private AdsbDecoder decoder;
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Setup(Level.Trial)
    public void load() throws IOException {
        List<ModeSFrame> list = new ArrayList<>();
        for (String row : Corpus.lines("adsb/pymodes_sample_data_adsb.csv")) {
            list.add(ModeSFrame.parseHex(row.split(",", -1)[1].replace("\"", "")).orElseThrow());
        }
        for (String file : List.of("adsb/pymodes_sample_data_commb_df20.csv", "adsb/pymodes_sample_data_commb_df21.csv")) {
            for (String row : Corpus.lines(file)) {
                list.add(ModeSFrame.parseHex(row.split(",", -1)[2].strip()).orElseThrow());
            }
        }
        frames = list.subList(0, FRAMES).toArray(new ModeSFrame[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ModeSFrame f : frames) {
            out.write(0x1a);
            out.write(f.bitLength() == 56 ? '2' : '3');
            byte[] body = new byte[7 + f.bitLength() / 8];
            System.arraycopy(f.bytes(), 0, body, 7, f.bitLength() / 8);
            for (byte b : body) {
                out.write(b);
                if (b == 0x1a) {
                    out.write(b);
                }
            }
        }
        beast = out.toByteArray();
        decoder = AdsbDecoder.builder().acceptUnconfirmedAddresses(true).build();
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void decodeFrames(Blackhole bh) {
        for (ModeSFrame f : frames) {
            bh.consume(decoder.decode(f, t0));
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void readBeastAndDecode(Blackhole bh) throws IOException {
        AdsbFeed.read(new ByteArrayInputStream(beast), FeedFormat.BEAST, r -> {
            if (r instanceof org.parley.adsb.feed.FeedRecord.Frame f) {
                bh.consume(decoder.decode(f.frame(), t0));
            }
        });
    }
}
