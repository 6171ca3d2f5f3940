package org.parley.cli.encounters;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedRecord;
import org.parley.encounter.EncounterEngine;
import org.parley.encounter.EncounterEvent;
import org.parley.track.FeedFormat;
import org.parley.track.PositionReport;
import org.parley.track.adsb.AdsbReports;
import org.parley.track.ais.AisReports;
import org.parley.track.csv.CsvLine;
import org.parley.track.csv.ReportCsv;

/**
 * Feeds files through an engine: detects the format from the first bytes, sweeps every 10 s of feed
 * time, closes everything at the end, and draws a progress bar on stderr.
 */
final class EncounterReplay {
    private static final int BAR = 30;

    private final EncounterEngine engine;
    private final Optional<PrintWriter> progress;
    private Instant clock = Instant.EPOCH;
    private long reports;

    EncounterReplay(EncounterEngine engine, Optional<PrintWriter> progress) {
        this.engine = engine;
        this.progress = progress;
    }

    long reports() {
        return reports;
    }

    void replay(Path file, Consumer<EncounterEvent> sink) throws IOException {
        byte[] head = new byte[FeedFormat.HEAD_BYTES];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        switch (FeedFormat.sniff(head, n)) {
            case AIS_NMEA -> {
                AisReports ais = AisReports.create();
                lines(file, line -> ais.offer(line).ifPresent(r -> feed(r, sink)));
            }
            case REPORT_CSV -> {
                long[] number = {0};
                lines(file, line -> {
                    if (ReportCsv.parse(line, ++number[0]) instanceof CsvLine.Report r) {
                        feed(r.report(), sink);
                    }
                });
            }
            case ADSB -> adsb(file, sink);
        }
        done(file);
    }

    private void adsb(Path file, Consumer<EncounterEvent> sink) throws IOException {
        AdsbDecoder decoder = AdsbDecoder.create();
        AdsbReports adapter = new AdsbReports(decoder);
        Instant base = Files.getLastModifiedTime(file).toInstant();
        long size = Math.max(1, Files.size(file));
        long[] count = {0};
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            AdsbFeed.readDetected(in, record -> {
                if (record instanceof FeedRecord.Frame f) {
                    Instant at = f.timestamp12MHz().isPresent()
                            ? base.plusNanos(f.timestamp12MHz().getAsLong() * 1000 / 12)
                            : base;
                    adapter.accept(decoder.decode(f.frame(), at)).ifPresent(r -> feed(r, sink));
                }
                if (++count[0] % 4096 == 0) {
                    bar(file, Math.min(1.0, count[0] * 20.0 / size));
                }
            });
        }
    }

    private void lines(Path file, Consumer<String> each) throws IOException {
        long size = Math.max(1, Files.size(file));
        long read = 0;
        int shown = -1;
        List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (String line : all) {
            each.accept(line);
            read += line.length() + 1;
            int percent = (int) (read * 100 / size);
            if (percent != shown) {
                shown = percent;
                bar(file, Math.min(1.0, read / (double) size));
            }
        }
    }

    private void feed(PositionReport r, Consumer<EncounterEvent> sink) {
        reports++;
        if (r.time().isAfter(clock)) {
            clock = r.time();
        }
        engine.advanceTo(r.time()).forEach(sink);
        engine.onReport(r).forEach(sink);
    }

    void finish(Consumer<EncounterEvent> sink) {
        engine.closeAll(clock).forEach(sink);
    }

    private void bar(Path file, double fraction) {
        if (progress.isEmpty()) {
            return;
        }
        int filled = (int) Math.round(fraction * BAR);
        progress.get()
                .printf(
                        "\r[%s%s] %3d%% %s (%d reports)",
                        "#".repeat(filled),
                        " ".repeat(BAR - filled),
                        Math.round(fraction * 100),
                        file.getFileName(),
                        reports);
        progress.get().flush();
    }

    private void done(Path file) {
        bar(file, 1.0);
        progress.ifPresent(p -> {
            p.println();
            p.flush();
        });
    }
}
