package org.parley.encounter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;
import org.parley.track.ais.AisReports;

/**
 * Full-sweep timing over synthetic fleets seeded from real AIS positions (not a test; run by
 * bench/encounter-sweep.sh). Each fleet: n ships placed around real positions drawn from the
 * corpus, offset by a two-dimensional normal distance (Rayleigh in range: mean 15 NM at 10k ships,
 * times sqrt(n / 10k)), so that the ships per square mile around the seeds stay those of the 10k
 * fleet (an exponential offset would pile ships at the seed, its density growing like 1 / range): a 200k picture is the world's coasts, not 20 times as many ships
 * in the same waters (docs/benchmarks.md). 30% lying still, the rest at 5..25 kn on random
 * courses. Prints the density (ships within 2 NM of a ship, sampled), the median of 5 sweeps
 * (after 2 warm-ups), the brute-force all-pairs sweep at the first size in the same run, their
 * ratio and the log-log slope from the first size to the last.
 */
public final class SweepBenchmark {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private SweepBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        List<double[]> seeds = seeds(data);
        System.out.printf(Locale.ROOT, "seeds: %d real positions%n", seeds.size());
        // Optional second argument: fleet sizes, e.g. 10000,20000,40000 (default 10k, 100k, 200k).
        int[] sizes = args.length > 1
                ? Arrays.stream(args[1].split(",", -1)).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 100_000, 200_000};
        double[] millis = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            EncounterEngine engine = fleet(sizes[i], seeds);
            millis[i] = median(engine, false);
            SweepStats s = engine.lastSweep();
            System.out.printf(
                    Locale.ROOT,
                    "grid  n=%7d  %8.1f ms/sweep  pairs offered %,d solved %,d  cube entries %,d (cube %.1f km)"
                            + "  ships within 2 NM of a ship %.2f%n",
                    sizes[i],
                    millis[i],
                    s.pairsOffered(),
                    s.pairsSolved(),
                    engine.gridEntries(),
                    engine.cellMetres(org.parley.track.Domain.SEA) / 1000,
                    density(engine));
        }
        EncounterEngine small = fleet(sizes[0], seeds);
        double brute = median(small, true);
        SweepStats b = small.lastSweep();
        System.out.printf(Locale.ROOT, "brute n=%7d  %8.1f ms/sweep  pairs offered %,d solved %,d%n", sizes[0], brute, b.pairsOffered(), b.pairsSolved());
        System.out.printf(Locale.ROOT, "ratio brute/grid at 10k: %.1f%n", brute / millis[0]);
        int last = sizes.length - 1;
        double slope = Math.log(millis[last] / millis[0]) / Math.log((double) sizes[last] / sizes[0]);
        System.out.printf(Locale.ROOT, "log-log slope %d..%d: %.2f%n", sizes[0], sizes[last], slope);
    }

    private static double median(EncounterEngine engine, boolean brute) {
        double[] runs = new double[7];
        for (int r = 0; r < runs.length; r++) {
            if (brute) {
                engine.sweepAllPairs(T0);
            } else {
                engine.sweep(T0);
            }
            runs[r] = engine.lastSweep().elapsed().toNanos() / 1e6;
        }
        double[] measured = Arrays.copyOfRange(runs, 2, runs.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    /** Mean number of other ships within 2 NM of a ship, over a sample of 500 ships. */
    static double density(EncounterEngine engine) {
        List<GridIndex.Slot> all = new ArrayList<>(engine.slotsForBenchmark());
        Random random = new Random(7);
        long near = 0;
        int sample = Math.min(500, all.size());
        for (int k = 0; k < sample; k++) {
            GridIndex.Slot a = all.get(random.nextInt(all.size()));
            for (GridIndex.Slot b : all) {
                if (b != a && GridIndex.chordMetres(a, b, 0, 0) < 2 * 1852) {
                    near++;
                }
            }
        }
        return (double) near / sample;
    }

    /** Ships per fleet at which the offsets have their base mean of 15 NM. */
    static final int BASE_FLEET = 10_000;

    static EncounterEngine fleet(int n, List<double[]> seeds) {
        Random random = new Random(20260101L + n);
        EncounterEngine engine = new EncounterEngine(EncounterConfig.defaults(), 0);
        // Area around the seeds grows with n (offset scale with sqrt(n)): the density stays the 10k
        // one. A 2-D normal offset of scale sigma has a Rayleigh range of mean sigma * sqrt(pi / 2).
        double sigmaMetres =
                15 * 1852 / Math.sqrt(Math.PI / 2) * Math.sqrt(Math.max(1.0, (double) n / BASE_FLEET));
        for (int i = 0; i < n; i++) {
            double[] seed = seeds.get(random.nextInt(seeds.size()));
            double offset = sigmaMetres * Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
            GeodesicData d = Geodesic.WGS84.Direct(seed[0], seed[1], random.nextDouble() * 360, offset);
            boolean still = random.nextDouble() < 0.3;
            double knots = still ? random.nextDouble() : 5 + random.nextDouble() * 20;
            double lon = ((d.lon2 + 540) % 360) - 180;
            engine.index(PositionReport.builder(new TargetId.Mmsi(200_000_000 + i), T0, d.lat2, lon)
                    .transponder(Transponder.AIS_CLASS_A)
                    .speedKnots(knots)
                    .courseDegrees(random.nextDouble() * 359.9)
                    .navigationStatus(0)
                    .build());
        }
        return engine;
    }

    /** Distinct real positions (to 0.01 degree) from the AIS corpus and the Suez CSV. */
    static List<double[]> seeds(Path data) throws IOException {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<double[]> out = new ArrayList<>();
        for (String file : List.of("ais/amsa_ais.part1.txt", "ais/amsa_exact-earth-augmented.txt", "ais/amsa_exact-earth-augmented-2.txt", "ais/dma_replay_dump.txt")) {
            AisReports adapter = AisReports.create();
            for (String line : Files.readAllLines(data.resolve(file), StandardCharsets.UTF_8)) {
                adapter.offer(line).ifPresent(r -> add(seen, out, r.latitudeDegrees(), r.longitudeDegrees()));
            }
        }
        List<String> csv = Files.readAllLines(data.resolve("ais/movingpandas_boat-positions.csv"), StandardCharsets.UTF_8);
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            add(seen, out, Double.parseDouble(f[3]), Double.parseDouble(f[2]));
        }
        return out;
    }

    private static void add(java.util.Set<Long> seen, List<double[]> out, double lat, double lon) {
        long key = Math.round(lat * 100) * 100_000 + Math.round(lon * 100);
        if (seen.add(key)) {
            out.add(new double[] {lat, lon});
        }
    }
}
