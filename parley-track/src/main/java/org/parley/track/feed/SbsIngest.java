package org.parley.track.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedFormat;
import org.parley.adsb.feed.FeedRecord;
import org.parley.ais.feed.LineFramer;
import org.parley.track.PositionReport;
import org.parley.track.adsb.AdsbReports;

/**
 * SBS-1 BaseStation lines read by {@link AdsbFeed} (a line over 512 characters is skipped whole and
 * counted as {@code OVERLONG_LINE}). The lines carry date and time fields, but receivers fill them
 * with their own clock or not at all, so a live feed dates positions by arrival and a replay is
 * paced line by line, each line one fixed step of the pacer.
 */
final class SbsIngest implements Ingest {
    private final FeedOutput out;
    private final AdsbReports reports = new AdsbReports(AdsbDecoder.create());

    SbsIngest(FeedOutput out) {
        this.out = out;
    }

    @Override
    public void live(TimedInputStream in) throws IOException {
        AdsbFeed.read(in, FeedFormat.SBS, record -> accept(record, in.lastReadAt()));
    }

    @Override
    public void replay(Path file, Pacer pacer, InstantSource clock) throws IOException {
        try (InputStream in = LineFramer.decompressed(Files.newInputStream(file))) {
            AdsbFeed.read(in, FeedFormat.SBS, record -> {
                try {
                    pacer.awaitStep();
                } catch (InterruptedIOException e) {
                    throw new UncheckedIOException(e);
                }
                accept(record, clock.instant());
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void accept(FeedRecord record, Instant at) {
        out.message(at);
        switch (record) {
            case FeedRecord.BaseStationReport line -> {
                Optional<PositionReport> report = reports.accept(line, at);
                if (report.isPresent()) {
                    out.emit(report.get());
                }
            }
            case FeedRecord.Rejected r -> out.reject(RejectReasons.of(r.reason()));
            case FeedRecord.Frame f -> out.reject("SBS_NOT_MSG");
            case FeedRecord.ModeAc m -> out.reject("SBS_NOT_MSG");
        }
    }
}
