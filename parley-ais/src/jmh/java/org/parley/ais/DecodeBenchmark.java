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

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path file = Corpus.file("ais/amsa_ais.part1.txt");
        lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
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
}
