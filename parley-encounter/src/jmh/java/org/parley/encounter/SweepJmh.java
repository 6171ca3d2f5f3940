package org.parley.encounter;

import java.io.IOException;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state full sweeps under JMH, mainly for {@code -prof gc} (allocation per sweep): the same
 * fleets as {@link SweepBenchmark}, swept again and again at one instant, so after the first sweep
 * every alerting pair has an open encounter that each sweep observes. Run by
 * {@code bench/encounter-sweep.sh jmh [JMH options]}; the shared data folder comes from the system
 * property {@code parley.data} (default ../shared/data).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SweepJmh {
    @Param({"10000", "100000", "200000"})
    public int ships;

    private EncounterEngine engine;

    @Setup(Level.Trial)
    public void fleet() throws IOException {
        List<double[]> seeds = Fleet.seeds(Path.of(System.getProperty("parley.data", "../shared/data")));
        engine = Fleet.calibrated(ships, seeds).engine();
        engine.sweep(Fleet.T0);
    }

    @Benchmark
    public List<EncounterEvent> sweep() {
        return engine.sweep(Fleet.T0);
    }
}
