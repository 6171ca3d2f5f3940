package org.parley.adsb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedFormat;
import org.parley.adsb.feed.FeedRecord;

/**
 * Output check for the ADS-B speed work (not a benchmark): decodes a Beast stream through the public
 * API with a receive time taken from each frame's 12 MHz Beast timestamp (the CLI reads the wall
 * clock, so its output differs from run to run) and prints the MD5 of the SBS-1 lines and the MD5 of
 * every result's {@code toString()} (message fields, frame, address check, rejection reasons).
 * The same source compiles against the code before and after a change, so the two digests must match.
 *
 * <p>Usage: {@code java -cp parley-adsb.jar:. org.parley.adsb.StreamDigest STREAM.beast [--direct]}; with
 * {@code --direct} the frames go through {@code AdsbFeed.decode} (decoded in place from the read
 * buffer) instead of {@code AdsbFeed.read} and {@code AdsbDecoder.decode(ModeSFrame, Instant)}: both
 * must give the same digests.
 */
public final class StreamDigest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private StreamDigest() {}

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        MessageDigest sbs = MessageDigest.getInstance("MD5");
        MessageDigest all = MessageDigest.getInstance("MD5");
        AdsbDecoder decoder = AdsbDecoder.builder().build();
        long[] counts = new long[3];
        boolean direct = args.length > 1 && args[1].equals("--direct");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(args[0])), 1 << 16)) {
            if (direct) {
                AdsbFeed.decode(in, FeedFormat.BEAST, decoder, ticks -> T0.plusNanos(ticks * 1000 / 12), new AdsbFeed.Listener() {
                    @Override
                    public void result(AdsbResult r) {
                        all.update((r + "\n").getBytes(StandardCharsets.UTF_8));
                        counts[0]++;
                        if (r instanceof AdsbResult.Decoded d) {
                            counts[1]++;
                            AdsbFeed.baseStationLine(d).ifPresent(line -> {
                                counts[2]++;
                                sbs.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                            });
                        }
                    }

                    @Override
                    public void record(FeedRecord record) {
                        all.update((record + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                });
            } else AdsbFeed.read(in, FeedFormat.BEAST, record -> {
                if (!(record instanceof FeedRecord.Frame f)) {
                    all.update((record + "\n").getBytes(StandardCharsets.UTF_8));
                    return;
                }
                long ticks = f.timestamp12MHz().orElse(0);
                Instant at = T0.plusNanos(ticks * 1000 / 12);
                AdsbResult r = decoder.decode(f.frame(), at);
                all.update((r + "\n").getBytes(StandardCharsets.UTF_8));
                counts[0]++;
                if (r instanceof AdsbResult.Decoded d) {
                    counts[1]++;
                    AdsbFeed.baseStationLine(d).ifPresent(line -> {
                        counts[2]++;
                        sbs.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                    });
                }
            });
        }
        for (AircraftState s : decoder.aircraft()) {
            all.update((s + "\n").getBytes(StandardCharsets.UTF_8));
        }
        HexFormat hex = HexFormat.of();
        System.out.printf("frames %d, decoded %d, SBS lines %d%n", counts[0], counts[1], counts[2]);
        System.out.println("SBS MD5     " + hex.formatHex(sbs.digest()));
        System.out.println("results MD5 " + hex.formatHex(all.digest()));
    }
}
