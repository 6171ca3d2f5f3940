package org.parley.ais;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.parley.ais.gpsd.GpsdJson;
import org.parley.ais.gpsd.JsonBytes;
import org.parley.testing.Corpus;

/**
 * The decode loop over the real AMSA terrestrial feed (29,799 lines, 22,627 sentences): throughput
 * per line, and with {@code -prof gc} the bytes allocated per line ("gc.alloc.rate.norm" divided by
 * the lines per operation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {
    private List<String> lines = List.of();
    private AisDecoder decoder = AisDecoder.create();
    private GpsdJson json = new GpsdJson();
    private final StringBuilder sb = new StringBuilder(1 << 12);
    private final JsonBytes out = new JsonBytes(1 << 16);
    private byte[] text = new byte[0];
    /** Start of line i at lineStarts[i], its end (before the LF) at lineStarts[i + 1] - 1. */
    private int[] lineStarts = new int[0];

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path file = Corpus.file("ais/amsa_ais.part1.txt");
        lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        StringBuilder all = new StringBuilder();
        lineStarts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            lineStarts[i] = all.length();
            all.append(lines.get(i)).append('\n');
        }
        lineStarts[lines.size()] = all.length();
        text = all.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Setup(Level.Iteration)
    public void fresh() {
        decoder = AisDecoder.create();
        json = new GpsdJson();
    }

    /** One operation = the whole file; divide ops/s by 29,799 for lines/s. */
    @Benchmark
    public void decodeFile(Blackhole bh) {
        for (String line : lines) {
            bh.consume(decoder.decode(line));
        }
    }

    /** Decode and write gpsd JSON, as {@code parley ais decode} does. */
    @Benchmark
    public void decodeAndWriteJson(Blackhole bh) {
        for (String line : lines) {
            if (decoder.decode(line) instanceof AisResult.Decoded d) {
                sb.setLength(0);
                json.append(d.message(), sb);
                bh.consume(sb.length());
            }
        }
    }

    /**
     * The CLI's byte path: lines as ranges of one byte buffer, JSON into a byte buffer that is
     * cleared when full (the CLI writes it to stdout at that point).
     */
    @Benchmark
    public void decodeBytesAndWriteJsonBytes(Blackhole bh) {
        for (int i = 0; i + 1 < lineStarts.length; i++) {
            if (decoder.decode(text, lineStarts[i], lineStarts[i + 1] - 1) instanceof AisResult.Decoded d
                    && json.append(d.message(), out)) {
                out.append('\n');
                if (out.length() > 1 << 15) {
                    bh.consume(out.length());
                    out.clear();
                }
            }
        }
    }
}
