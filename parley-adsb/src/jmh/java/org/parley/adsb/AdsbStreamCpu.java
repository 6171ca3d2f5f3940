package org.parley.adsb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedFormat;
import org.parley.adsb.feed.FeedRecord;

/**
 * {@link AdsbStreamBenchmark#decodeStream}'s work timed by the thread's CPU clock instead of the
 * wall clock, for a machine that other jobs share (JMH's wall-clock score then measures how much of
 * the core the benchmark got). Runs PASSES passes (default 60) of the 100,000-frame benchmark stream
 * through one decoder and prints the best and the median pass as frames per CPU-second, and the
 * bytes allocated per frame (the thread's allocation counter), after the first third as warm-up.
 *
 * <p>Usage: {@code java -cp ... org.parley.adsb.AdsbStreamCpu [PASSES]}
 */
public final class AdsbStreamCpu {
    private AdsbStreamCpu() {}

    public static void main(String[] args) throws IOException {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        byte[] stream = AdsbStreamBenchmark.benchStream(AdsbStreamBenchmark.FRAMES);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AdsbDecoder decoder = AdsbDecoder.create();
        long[] sink = new long[2];
        AdsbFeed.Listener listener = new AdsbFeed.Listener() {
            @Override
            public void result(AdsbResult r) {
                sink[r instanceof AdsbResult.Decoded ? 0 : 1]++;
            }

            @Override
            public void record(FeedRecord record) {
                sink[1]++;
            }
        };
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        long[] cpu = new long[passes];
        long[] bytes = new long[passes];
        long[] frameNo = {0};
        Instant[] now = {t0};
        for (int p = 0; p < passes; p++) {
            long base = p * (AdsbStreamBenchmark.FRAMES * 50_000L);
            long c0 = threads.getCurrentThreadCpuTime();
            long a0 = threads.getCurrentThreadAllocatedBytes();
            AdsbFeed.decode(new ByteArrayInputStream(stream), FeedFormat.BEAST, decoder, ts -> {
                if ((frameNo[0]++ & 1023) == 0) {
                    now[0] = t0.plusNanos(base + ts * 1000 / 12);
                }
                return now[0];
            }, listener);
            cpu[p] = threads.getCurrentThreadCpuTime() - c0;
            bytes[p] = threads.getCurrentThreadAllocatedBytes() - a0;
        }
        int from = passes / 3;
        long[] measured = Arrays.copyOfRange(cpu, from, passes);
        Arrays.sort(measured);
        long[] alloc = Arrays.copyOfRange(bytes, from, passes);
        Arrays.sort(alloc);
        double frames = AdsbStreamBenchmark.FRAMES;
        System.out.printf(
                "decodeStream, %d passes of %,d frames after %d warm-up passes: best %,.0f frames/CPU-s, median %,.0f;"
                        + " allocated %.1f B/frame (median pass); decoded %d, refused or other %d%n",
                passes - from,
                AdsbStreamBenchmark.FRAMES,
                from,
                frames / (measured[0] / 1e9),
                frames / (measured[measured.length / 2] / 1e9),
                alloc[alloc.length / 2] / frames,
                sink[0],
                sink[1]);
    }
}
