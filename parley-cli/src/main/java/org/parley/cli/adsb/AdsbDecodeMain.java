package org.parley.cli.adsb;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbResult;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedFormat;
import org.parley.adsb.feed.FeedRecord;
import org.parley.cli.ParleyCli;

/**
 * Direct entry for {@code parley adsb decode}, used by the {@code parley} launcher as
 * {@code AisDecodeMain} is for {@code ais decode}: the same command without building picocli's command tree
 * (most of a short run's CPU). Handles {@code [--format F] [--quiet] [--stats] [--sbs] [--fix]
 * [--accept-unconfirmed] FILE|-}; anything else goes to {@link ParleyCli}.
 */
public final class AdsbDecodeMain {
    private AdsbDecodeMain() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args));
    }

    static int run(String[] args) throws IOException {
        FeedFormat format = null;
        boolean quiet = false, stats = false, sbs = false, fix = false, unconfirmed = false;
        @Nullable String input = null;
        boolean plain = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quiet" -> quiet = true;
                case "--stats" -> stats = true;
                case "--sbs" -> sbs = true;
                case "--fix" -> fix = true;
                case "--accept-unconfirmed" -> unconfirmed = true;
                case "--format" -> {
                    if (i + 1 < args.length) {
                        String f = args[++i].toLowerCase(Locale.ROOT);
                        switch (f) {
                            case "beast" -> format = FeedFormat.BEAST;
                            case "avr" -> format = FeedFormat.AVR;
                            case "sbs" -> format = FeedFormat.SBS;
                            case "auto" -> format = null;
                            default -> plain = false;
                        }
                    } else {
                        plain = false;
                    }
                }
                default -> {
                    if (input == null && (!a.startsWith("-") || a.equals("-"))) {
                        input = a;
                    } else {
                        plain = false;
                    }
                }
            }
        }
        if (!plain) {
            List<String> all = new ArrayList<>(List.of("adsb", "decode"));
            all.addAll(List.of(args));
            return ParleyCli.commandLine().execute(all.toArray(String[]::new));
        }
        String in = input == null ? "-" : input;
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        PrintWriter out = new PrintWriter(
                new OutputStreamWriter(
                        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                        StandardCharsets.UTF_8),
                false);
        if (!in.equals("-") && !Files.isReadable(Path.of(in))) {
            err.println("cannot read " + Path.of(in).toAbsolutePath() + ": give a readable file or - for stdin");
            return 2;
        }
        AdsbDecoder decoder = AdsbDecoder.builder()
                .correctSingleBitErrors(fix)
                .acceptUnconfirmedAddresses(unconfirmed)
                .build();
        long start = System.nanoTime();
        long[] c = new long[4]; // frames, decoded, rejected, mode A/C
        Map<String, long[]> reasons = new TreeMap<>();
        Instant[] now = {Instant.now()};
        boolean q = quiet, s = sbs;
        AdsbFeed.ReceiveTime at = ts -> {
            if ((c[0]++ & 1023) == 0) {
                now[0] = Instant.now();
            }
            return now[0];
        };
        AdsbFeed.Listener listener = new AdsbFeed.Listener() {
            @Override
            public void result(AdsbResult r) {
                switch (r) {
                    case AdsbResult.Decoded d -> {
                        c[1]++;
                        if (!q) {
                            if (s) {
                                AdsbFeed.baseStationLine(d).ifPresent(out::println);
                            } else {
                                out.println(AdsbJson.decoded(d));
                            }
                        }
                    }
                    case AdsbResult.Rejected rej -> reject(rej.cause().name(), rej.reason());
                }
            }

            @Override
            public void record(FeedRecord record) {
                switch (record) {
                    case FeedRecord.Frame f -> throw new IllegalStateException("decoded by AdsbFeed.decode");
                    case FeedRecord.BaseStationReport b -> {
                        c[1]++;
                        if (!q) {
                            out.println(AdsbJson.record(b));
                        }
                    }
                    case FeedRecord.ModeAc m -> c[3]++;
                    case FeedRecord.Rejected rej -> reject("FEED", rej.reason());
                }
            }

            private void reject(String cause, String reason) {
                c[2]++;
                reasons.computeIfAbsent(cause, k -> new long[1])[0]++;
                if (!q && !s) {
                    out.println(AdsbJson.rejected(reason));
                }
            }
        };
        try (InputStream stream = in.equals("-") ? System.in : Files.newInputStream(Path.of(in))) {
            if (format == null) {
                AdsbFeed.decodeDetected(stream, decoder, at, listener);
            } else {
                AdsbFeed.decode(stream, format, decoder, at, listener);
            }
        }
        out.flush();
        if (stats) {
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(
                    "frames %d, decoded %d, rejected %d, mode A/C %d, %.1f s, %.0f frames/s%n",
                    c[0], c[1], c[2], c[3], seconds, c[0] / Math.max(seconds, 1e-9));
            reasons.forEach((reason, count) -> err.printf("  rejected %8d  %s%n", count[0], reason));
            err.flush();
        }
        return 0;
    }
}
