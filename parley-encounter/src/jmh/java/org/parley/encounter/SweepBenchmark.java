package org.parley.encounter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Full-sweep timing over synthetic fleets seeded from real AIS positions (not a test; run by
 * bench/encounter-sweep.sh). The fleets come from {@link Fleet}: their density is held at that of
 * the 10k fleet as n grows. Prints, per size, the median of 5 sweeps (after 2 warm-ups), what the
 * grid offered and solved, its size and the fleet's density; then the brute-force all-pairs sweep
 * at the first size in the same run, the ratio and the log-log slope from the first size to the
 * last.
 */
public final class SweepBenchmark {
    private static final Instant T0 = Fleet.T0;

    private SweepBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        List<double[]> seeds = Fleet.seeds(data);
        System.out.printf(Locale.ROOT, "seeds: %d real positions%n", seeds.size());
        // Optional second argument: fleet sizes, e.g. 10000,20000,40000 (default 10k, 100k, 200k).
        int[] sizes = args.length > 1
                ? Arrays.stream(args[1].split(",", -1)).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 100_000, 200_000};
        double[] millis = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            Fleet fleet = Fleet.calibrated(sizes[i], seeds);
            long start = System.nanoTime();
            EncounterEngine engine = fleet.engine();
            double indexMillis = (System.nanoTime() - start) / 1e6;
            millis[i] = median(engine, false);
            SweepStats s = engine.lastSweep();
            System.out.printf(
                    Locale.ROOT,
                    "grid  n=%7d  %8.1f ms/sweep  pairs offered %,d solved %,d  cube entries %,d (cube %.1f km)"
                            + "  index %.0f ms%n      offset sigma %.1f NM, ships within 2 NM of a ship %.2f%n",
                    sizes[i],
                    millis[i],
                    s.pairsOffered(),
                    s.pairsSolved(),
                    engine.gridEntries(),
                    engine.cellMetres(org.parley.track.Domain.SEA) / 1000,
                    indexMillis,
                    fleet.sigmaMetres() / 1852,
                    fleet.density());
        }
        if (args.length > 2 && args[2].equals("--no-brute")) {
            return; // profiling runs
        }
        EncounterEngine small = Fleet.calibrated(sizes[0], seeds).engine();
        double brute = median(small, true);
        SweepStats b = small.lastSweep();
        System.out.printf(
                Locale.ROOT,
                "brute n=%7d  %8.1f ms/sweep  pairs offered %,d solved %,d%n",
                sizes[0],
                brute,
                b.pairsOffered(),
                b.pairsSolved());
        System.out.printf(Locale.ROOT, "ratio brute/grid at %d: %.1f%n", sizes[0], brute / millis[0]);
        int last = sizes.length - 1;
        double slope = Math.log(millis[last] / millis[0]) / Math.log((double) sizes[last] / sizes[0]);
        System.out.printf(Locale.ROOT, "log-log slope %d..%d: %.2f%n", sizes[0], sizes[last], slope);
    }

    /** Median wall milliseconds of 5 sweeps after 2 warm-ups; prints the median process CPU too. */
    private static double median(EncounterEngine engine, boolean brute) {
        double[] runs = new double[7];
        double[] cpu = new double[7];
        for (int r = 0; r < runs.length; r++) {
            long cpuStart = PROCESS.getProcessCpuTime();
            if (brute) {
                engine.sweepAllPairs(T0);
            } else {
                engine.sweep(T0);
            }
            cpu[r] = (PROCESS.getProcessCpuTime() - cpuStart) / 1e6;
            runs[r] = engine.lastSweep().elapsed().toNanos() / 1e6;
        }
        double cpuMedian = middle(cpu);
        System.out.printf(Locale.ROOT, "      process CPU %.1f ms/sweep (all threads, GC included)%n", cpuMedian);
        return middle(runs);
    }

    private static double middle(double[] runs) {
        double[] measured = Arrays.copyOfRange(runs, 2, runs.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

}
