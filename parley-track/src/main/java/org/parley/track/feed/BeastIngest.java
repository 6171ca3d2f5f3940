package org.parley.track.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbResult;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedFormat;
import org.parley.adsb.feed.FeedRecord;
import org.parley.ais.feed.LineFramer;
import org.parley.track.PositionReport;
import org.parley.track.adsb.AdsbReports;

/**
 * Beast binary frames (Mode-S Beast manual, binary format), read by {@link AdsbFeed}: framing is
 * bounded by construction (a frame is at most 23 bytes; bytes outside frames are skipped and
 * counted).
 */
final class BeastIngest implements Ingest {

    private final FeedOutput out;
    private final AdsbReports reports = new AdsbReports(AdsbDecoder.create());

    BeastIngest(FeedOutput out) {
        this.out = out;
    }

    @Override
    public void live(TimedInputStream in) throws IOException {
        AdsbFeed.decode(in, FeedFormat.BEAST, reports.decoder(), timestamp -> in.lastReadAt(), new Listener() {
            @Override
            Instant now() {
                return in.lastReadAt();
            }

            @Override
            void position(PositionReport report) {
                out.emit(report);
            }
        });
    }

    /**
     * Paced by each frame's 12 MHz timestamp; a frame stamped 0 (receivers run without a clock
     * write zeros) is one fixed step of the pacer. The decoder sees the file's time since the start
     * (so CPR pairs match as they did when recorded), the sink the clock's time at emission.
     */
    @Override
    public void replay(Path file, Pacer pacer, InstantSource clock) throws IOException {
        Instant base = clock.instant();
        long[] first = {-1};
        AdsbFeed.ReceiveTime fileTime = timestamp -> {
            try {
                if (timestamp <= 0) {
                    return base.plusNanos(pacer.awaitStep());
                }
                if (first[0] < 0) {
                    first[0] = timestamp;
                }
                pacer.awaitNanos(nanos(timestamp));
                return base.plusNanos(nanos(Math.max(0, timestamp - first[0])));
            } catch (InterruptedIOException e) {
                throw new ReplayInterrupted(e);
            }
        };
        try (InputStream in = LineFramer.decompressed(Files.newInputStream(file))) {
            AdsbFeed.decode(in, FeedFormat.BEAST, reports.decoder(), fileTime, new Listener() {
                @Override
                Instant now() {
                    return clock.instant();
                }

                @Override
                void position(PositionReport report) {
                    out.emit(report.withTime(clock.instant()));
                }
            });
        } catch (ReplayInterrupted e) {
            throw e.cause;
        }
    }

    /** Beast timestamps count a 12 MHz clock; 48 bits of it times 1000 stay far inside a long. */
    private static long nanos(long ticks12MHz) {
        return ticks12MHz * 1_000 / 12;
    }

    /** Counts every frame and record, hands on the positions. */
    private abstract class Listener implements AdsbFeed.Listener {
        abstract Instant now();

        abstract void position(PositionReport report);

        @Override
        public void result(AdsbResult result) {
            out.message(now());
            if (result instanceof AdsbResult.Rejected r) {
                out.reject(r.cause().name());
                return;
            }
            Optional<PositionReport> report = reports.accept(result);
            if (report.isPresent()) {
                position(report.get());
            }
        }

        @Override
        public void record(FeedRecord record) {
            out.message(now());
            if (record instanceof FeedRecord.Rejected r) {
                out.reject(RejectReasons.of(r.reason()));
            }
        }
    }

    /** Carries the pacer's interruption out through the decoder's callback, which cannot throw it. */
    private static final class ReplayInterrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient InterruptedIOException cause;

        ReplayInterrupted(InterruptedIOException cause) {
            super(null, null, false, false);
            this.cause = cause;
        }
    }
}
