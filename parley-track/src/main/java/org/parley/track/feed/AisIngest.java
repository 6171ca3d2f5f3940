package org.parley.track.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.ais.AisDecoder;
import org.parley.ais.feed.LineFramer;
import org.parley.track.PositionReport;
import org.parley.track.ais.AisReports;

/**
 * AIS NMEA lines, framed by {@link LineFramer} (LF, CR or CR LF; a line over {@link
 * LineFramer#DEFAULT_MAX_LINE_BYTES} is skipped whole and counted as {@code OVERLONG_LINE}).
 */
final class AisIngest implements Ingest {
    private static final int READ_BYTES = 1 << 16;
    /** Lines a replay looks at to tell whether the recording carries times. */
    private static final int SCAN_LINES = 2_000;

    private final FeedOutput out;
    private final Consumer<String> rejects;
    private final AisReports reports;
    private final LineFramer framer = new LineFramer(LineFramer.DEFAULT_MAX_LINE_BYTES);

    AisIngest(FeedOutput out, InstantSource clock) {
        this.out = out;
        this.rejects = out::reject;
        // Fragments of a multipart message are dropped after the decoder's timeout, by the feed's clock.
        this.reports = new AisReports(AisDecoder.create(clock, AisDecoder.DEFAULT_FRAGMENT_TIMEOUT));
    }

    @Override
    public void live(TimedInputStream in) throws IOException {
        live(in, READ_BYTES);
    }

    @Override
    public void datagram(byte[] buffer, int length, InstantSource at) throws IOException {
        // The framer allocates its read buffer per call: the datagram's size, not 64 KiB, per datagram.
        live(new TimedInputStream(new ByteArrayInputStream(buffer, 0, length), at), length);
    }

    private void live(TimedInputStream in, int readBytes) throws IOException {
        framer.frame(in, readBytes, new LineFramer.LineSink() {
            @Override
            public void line(byte[] buffer, int from, int to) {
                Instant at = in.lastReadAt();
                out.message(at);
                Optional<PositionReport> report = reports.offerReceived(buffer, from, to, at, rejects);
                if (report.isPresent()) {
                    out.emit(report.get());
                }
            }

            @Override
            public void overlong() {
                out.message(in.lastReadAt());
                out.reject("OVERLONG_LINE");
            }
        });
    }

    /**
     * A recording whose first lines date a position is paced by the time each position's line
     * carries (tag block {@code c:}, trailing epoch, {@code $PGHP}, or the last {@code $xxZDA});
     * one that does not is paced line by line, each line one fixed step.
     */
    @Override
    public void replay(Path file, Pacer pacer, InstantSource clock) throws IOException {
        boolean timed = carriesTimes(file);
        try (InputStream in = LineFramer.decompressed(Files.newInputStream(file))) {
            replay(in, pacer, clock, timed);
        }
    }

    private void replay(InputStream in, Pacer pacer, InstantSource clock, boolean timed) throws IOException {
        framer.frame(in, READ_BYTES, new LineFramer.LineSink() {
            @Override
            public void line(byte[] buffer, int from, int to) throws IOException {
                out.message(clock.instant());
                if (timed) {
                    Optional<PositionReport> report = reports.offerDated(buffer, from, to, rejects);
                    if (report.isPresent()) {
                        pacer.await(report.get().time());
                        out.emit(report.get().withTime(clock.instant()));
                    }
                } else {
                    pacer.awaitStep();
                    reports.offerReceived(buffer, from, to, clock.instant(), rejects)
                            .ifPresent(out::emit);
                }
            }

            @Override
            public void overlong() {
                out.message(clock.instant());
                out.reject("OVERLONG_LINE");
            }
        });
    }

    /** Whether the first lines of the recording date any position (else it is paced line by line). */
    static boolean carriesTimes(Path file) throws IOException {
        AisReports scan = AisReports.create();
        int[] lines = {0};
        try (InputStream in = LineFramer.decompressed(Files.newInputStream(file))) {
            new LineFramer(LineFramer.DEFAULT_MAX_LINE_BYTES).frame(in, READ_BYTES, (buffer, from, to) -> {
                if (lines[0]++ < SCAN_LINES && scan.positions() == 0) {
                    scan.offerDated(buffer, from, to, reason -> {});
                } else {
                    throw new ScanDone();
                }
            });
        } catch (ScanDone done) {
            // enough seen
        }
        return scan.positions() > 0;
    }

    /** Ends the scan early without reading the whole file. */
    private static final class ScanDone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScanDone() {
            super(null, null, false, false);
        }
    }
}
