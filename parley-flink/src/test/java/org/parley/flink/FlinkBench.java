package org.parley.flink;

import java.util.List;

/**
 * bench/flink-watch.sh: the job over a seeded fleet (decoded CSV reports, no broker) in a local
 * MiniCluster at each given parallelism, best of two runs (-Druns=N) each after one warm-up; prints reports/s.
 * Usage: FlinkBench UNITS SECONDS PARALLELISM...
 */
public final class FlinkBench {
    private static final int RUNS = Integer.getInteger("runs", 2);

    private FlinkBench() {}

    /** CPU time of this JVM (all threads): the machine is shared, so wall time alone says little. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int units = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        double spread = Double.parseDouble(System.getProperty("spread", "1"));
        List<Messages.Report> reports = Decoded.lines(Fleet.lines(20260301L, units, seconds, spread), 0);
        WatchSettings settings = Reference.settings(reports, WatchSettings.defaults());
        Reference.incidents(reports, settings.config()); // warm-up
        long t0 = System.nanoTime();
        int engineEvents = Reference.incidents(reports, settings.config()).size();
        double engineSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "fleet: %d units, %d s, spread %.0f, %d reports; single-node engine %.2f s (%.0f reports/s), %d events%n",
                units, seconds, spread, reports.size(), engineSeconds, reports.size() / engineSeconds, engineEvents);
        LocalReplay.run(reports, settings, 1); // warm-up
        for (int i = 2; i < args.length; i++) {
            int parallelism = Integer.parseInt(args[i]);
            double best = 0;
            for (int run = 0; run < RUNS; run++) {
                long start = System.nanoTime();
                long cpu0 = cpuNanos();
                int events = LocalReplay.run(reports, settings, parallelism)
                        .incidents()
                        .size();
                double s = (System.nanoTime() - start) / 1e9;
                double cpu = (cpuNanos() - cpu0) / 1e9;
                double rate = reports.size() / s;
                best = Math.max(best, rate);
                System.out.printf(
                        "parallelism %d run %d: %.1f s wall, %.1f s CPU, %.0f reports/s, %.0f reports per CPU-second,"
                                + " %d events%n",
                        parallelism, run, s, cpu, rate, reports.size() / cpu, events);
            }
            System.out.printf("RESULT parallelism %d: %.0f reports/s (best of %d)%n", parallelism, best, RUNS);
        }
    }
}
