package org.parley.encounter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Transponder;
import org.parley.track.ais.AisReports;

/**
 * A synthetic fleet for the sweep benchmarks, seeded from real AIS positions.
 *
 * <p>Each ship is placed around a real position drawn from the corpus, offset in a random direction
 * by a two-dimensional normal distance of scale sigma (so its range is Rayleigh-distributed; an
 * exponential range would pile ships onto the seed, at a density growing like 1 / range). 30% lie
 * still (under 1 kn), the rest make 5..25 kn on random courses; all report at one instant.
 *
 * <p>Density as n grows: the 10k fleet (sigma such that the mean offset is 15 NM) sets the
 * reference density, measured as the mean number of other ships within 2 NM of a ship. A larger
 * fleet does not put more ships into the same waters; it takes a larger sigma, found by bisection,
 * at which its measured density equals the reference: the same real seed positions, each with a
 * wider stretch of water around it. The seeds lie along the tracks of real ships, so the area grows
 * less than sigma squared and a fixed rule (sigma ~ sqrt(n)) would not hold the density; hence the
 * measurement. Same random draws for every sigma, so the density falls steadily as sigma grows.
 */
final class Fleet {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final int BASE_FLEET = 10_000;
    private static final double BASE_SIGMA_METRES = 15 * 1852 / Math.sqrt(Math.PI / 2);
    private static final double NEAR_METRES = 2 * 1852;
    private static final int DENSITY_SAMPLE = 1_000;

    private final int n;
    private final List<double[]> seeds;
    private final double sigmaMetres;
    private final double density;
    private final double[] lat;
    private final double[] lon;

    private Fleet(int n, List<double[]> seeds, double sigmaMetres) {
        this.n = n;
        this.seeds = seeds;
        this.sigmaMetres = sigmaMetres;
        this.lat = new double[n];
        this.lon = new double[n];
        place();
        this.density = measureDensity();
    }

    /** The fleet of n ships at the density of the 10k fleet. */
    static Fleet calibrated(int n, List<double[]> seeds) {
        Fleet base = new Fleet(BASE_FLEET, seeds, BASE_SIGMA_METRES);
        if (n <= BASE_FLEET) {
            return n == BASE_FLEET ? base : new Fleet(n, seeds, BASE_SIGMA_METRES);
        }
        double low = Math.log(BASE_SIGMA_METRES);
        double high = Math.log(BASE_SIGMA_METRES * n / BASE_FLEET);
        Fleet best = new Fleet(n, seeds, Math.exp(high));
        for (int i = 0; i < 10; i++) {
            Fleet f = new Fleet(n, seeds, Math.exp((low + high) / 2));
            if (f.density > base.density) {
                low = (low + high) / 2;
            } else {
                high = (low + high) / 2;
                best = f;
            }
        }
        return best;
    }

    double sigmaMetres() {
        return sigmaMetres;
    }

    /** Mean number of other ships within 2 NM of a ship (a sample of 1,000 ships against all). */
    double density() {
        return density;
    }

    private void place() {
        Random random = new Random(20260101L + n);
        for (int i = 0; i < n; i++) {
            double[] seed = seeds.get(random.nextInt(seeds.size()));
            double bearing = random.nextDouble() * 360;
            double offset = sigmaMetres * Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
            GeodesicData d = Geodesic.WGS84.Direct(seed[0], seed[1], bearing, offset);
            lat[i] = d.lat2;
            lon[i] = ((d.lon2 + 540) % 360) - 180;
        }
    }

    private double measureDensity() {
        double[][] p = new double[n][3];
        for (int i = 0; i < n; i++) {
            LocalTangentPlane.geocentric(lat[i], lon[i], p[i]);
        }
        Random random = new Random(7);
        long near = 0;
        int sample = Math.min(DENSITY_SAMPLE, n);
        for (int k = 0; k < sample; k++) {
            double[] a = p[random.nextInt(n)];
            for (double[] b : p) {
                double dx = a[0] - b[0];
                double dy = a[1] - b[1];
                double dz = a[2] - b[2];
                if (dx * dx + dy * dy + dz * dz < NEAR_METRES * NEAR_METRES) {
                    near++;
                }
            }
            near--; // itself
        }
        return (double) near / sample;
    }

    /** An engine with the fleet indexed (tracked and in the grid, nothing evaluated yet). */
    EncounterEngine engine() {
        Random random = new Random(31L * n);
        EncounterEngine engine = new EncounterEngine(EncounterConfig.defaults(), 0);
        for (int i = 0; i < n; i++) {
            boolean still = random.nextDouble() < 0.3;
            double knots = still ? random.nextDouble() : 5 + random.nextDouble() * 20;
            engine.index(PositionReport.builder(new TargetId.Mmsi(200_000_000 + i), T0, lat[i], lon[i])
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
        Set<Long> seen = new HashSet<>();
        List<double[]> out = new ArrayList<>();
        for (String file : List.of(
                "ais/amsa_ais.part1.txt",
                "ais/amsa_exact-earth-augmented.txt",
                "ais/amsa_exact-earth-augmented-2.txt",
                "ais/dma_replay_dump.txt")) {
            AisReports adapter = AisReports.create();
            for (String line : Files.readAllLines(data.resolve(file), StandardCharsets.UTF_8)) {
                adapter.offer(line).ifPresent(r -> add(seen, out, r.latitudeDegrees(), r.longitudeDegrees()));
            }
        }
        List<String> csv =
                Files.readAllLines(data.resolve("ais/movingpandas_boat-positions.csv"), StandardCharsets.UTF_8);
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            add(seen, out, Double.parseDouble(f[3]), Double.parseDouble(f[2]));
        }
        return out;
    }

    private static void add(Set<Long> seen, List<double[]> out, double lat, double lon) {
        long key = Math.round(lat * 100) * 100_000 + Math.round(lon * 100);
        if (seen.add(key)) {
            out.add(new double[] {lat, lon});
        }
    }
}
