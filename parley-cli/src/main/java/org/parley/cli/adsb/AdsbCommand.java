package org.parley.cli.adsb;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.parley.adsb.AdsbDecoder;
import org.parley.adsb.AdsbResult;
import org.parley.adsb.GeoPosition;
import org.parley.adsb.feed.AdsbFeed;
import org.parley.adsb.feed.FeedFormat;
import org.parley.adsb.feed.FeedRecord;
import org.parley.cli.GroupCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley adsb}: Decode Mode S / ADS-B receiver feeds. */
@Command(
        name = "adsb",
        mixinStandardHelpOptions = true,
        description = "Decode Mode S / ADS-B receiver feeds.",
        subcommands = {AdsbCommand.Decode.class})
public final class AdsbCommand extends GroupCommand {

    /** Where the frames come from and in which format. */
    enum Format {
        AUTO,
        AVR,
        BEAST,
        SBS
    }

    @Command(
            name = "decode",
            mixinStandardHelpOptions = true,
            description = {
                "Decode an AVR (*HEX;), Beast binary or SBS-1 feed from a file, stdin (-) or a receiver port.",
                "Prints one JSON object per frame, or with --sbs the port-30003 line dump1090 would print."
            })
    static final class Decode implements Callable<Integer> {
        @CommandLine.Spec
        @SuppressWarnings("NullAway.Init") // injected by picocli before call()
        private CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", description = "Input file, or - for stdin.")
        private String input = "-";

        @Option(names = "--format", description = "auto (default), avr, beast or sbs.")
        private Format format = Format.AUTO;

        @Option(names = "--connect", description = "Read from a receiver port instead, e.g. localhost:30005.")
        private Optional<String> connect = Optional.empty();

        @Option(names = "--sbs", description = "Print SBS-1 BaseStation lines (as dump1090 port 30003).")
        private boolean sbs;

        @Option(names = "--fix", description = "Repair single-bit errors in DF17/18.")
        private boolean fix;

        @Option(
                names = "--accept-unconfirmed",
                description = "Decode DF0/4/5/16/20/21 whose address no DF11/17/18 confirmed.")
        private boolean acceptUnconfirmed;

        @Option(
                names = "--receiver",
                paramLabel = "LAT,LON",
                description = "Receiver position in degrees, e.g. 51.47,-0.45: needed to place surface traffic.")
        private Optional<String> receiver = Optional.empty();

        @Option(names = "--quiet", description = "Print nothing per frame; with --stats only counts.")
        private boolean quiet;

        @Option(names = "--stats", description = "Print counts (decoded, rejected by reason, frames/s) to stderr.")
        private boolean stats;

        @Option(names = "--aircraft", description = "At the end, print the state of every aircraft heard (JSON lines).")
        private boolean aircraft;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            PrintWriter out = new PrintWriter(
                    new OutputStreamWriter(new BufferedOutputStream(System.out, 1 << 16), StandardCharsets.UTF_8),
                    false);
            AdsbDecoder.Builder builder =
                    AdsbDecoder.builder().correctSingleBitErrors(fix).acceptUnconfirmedAddresses(acceptUnconfirmed);
            if (receiver.isPresent()) {
                Optional<GeoPosition> position = parsePosition(receiver.get());
                if (position.isEmpty()) {
                    err.println("--receiver needs LAT,LON in degrees, e.g. 51.47,-0.45");
                    return 2;
                }
                builder.receiverPosition(position.get());
            }
            AdsbDecoder decoder = builder.build();
            Counter counter = new Counter();
            long start = System.nanoTime();
            try (Source source = open(err)) {
                if (source.in == null) {
                    return 2;
                }
                read(source.in, decoder, counter, new AdsbFeed.Listener() {
                    @Override
                    public void result(AdsbResult r) {
                        handle(r, out, counter);
                    }

                    @Override
                    public void record(FeedRecord record) {
                        handle(record, out, counter);
                    }
                });
            }
            if (aircraft) {
                decoder.aircraft().forEach(state -> out.println(AdsbJson.state(state)));
            }
            out.flush();
            if (stats) {
                counter.print(err, System.nanoTime() - start);
            }
            return 0;
        }

        private static Optional<GeoPosition> parsePosition(String text) {
            String[] parts = text.split(",", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            try {
                return Optional.of(
                        new GeoPosition(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip())));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private void read(InputStream in, AdsbDecoder decoder, Counter counter, AdsbFeed.Listener listener)
                throws IOException {
            // Frames are decoded where the feed reader holds them (no record or frame object per
            // frame); the receive time is the counter's clock, read once per 1024 frames.
            AdsbFeed.ReceiveTime at = timestamp -> {
                counter.frames++;
                return counter.now();
            };
            switch (format) {
                case AUTO -> AdsbFeed.decodeDetected(in, decoder, at, listener);
                case AVR -> AdsbFeed.decode(in, FeedFormat.AVR, decoder, at, listener);
                case BEAST -> AdsbFeed.decode(in, FeedFormat.BEAST, decoder, at, listener);
                case SBS -> AdsbFeed.decode(in, FeedFormat.SBS, decoder, at, listener);
            }
        }

        private void handle(AdsbResult r, PrintWriter out, Counter counter) {
            switch (r) {
                case AdsbResult.Decoded d -> {
                    counter.decoded++;
                    if (!quiet) {
                        if (sbs) {
                            AdsbFeed.baseStationLine(d).ifPresent(out::println);
                        } else {
                            out.println(AdsbJson.decoded(d));
                        }
                    }
                }
                case AdsbResult.Rejected rej ->
                    counter.reject(rej.cause().name(), rej.reason(), quiet || sbs ? null : out);
            }
        }

        private void handle(FeedRecord record, PrintWriter out, Counter counter) {
            switch (record) {
                case FeedRecord.Frame f -> throw new IllegalStateException("frames are decoded by AdsbFeed.decode");
                case FeedRecord.BaseStationReport b -> {
                    counter.decoded++;
                    if (!quiet) {
                        out.println(AdsbJson.record(b));
                    }
                }
                case FeedRecord.ModeAc m -> counter.modeAc++;
                case FeedRecord.Rejected rej -> counter.reject("FEED", rej.reason(), quiet || sbs ? null : out);
            }
        }

        private Source open(PrintWriter err) throws IOException {
            if (connect.isPresent()) {
                String target = connect.get();
                int colon = target.lastIndexOf(':');
                if (colon <= 0) {
                    err.println("--connect needs host:port, e.g. localhost:30005");
                    return new Source(null, null);
                }
                Socket socket = AdsbFeed.connect(
                        target.substring(0, colon),
                        Integer.parseInt(target.substring(colon + 1)),
                        Duration.ofSeconds(10));
                return new Source(socket.getInputStream(), socket);
            }
            if (input.equals("-")) {
                return new Source(System.in, null);
            }
            Path path = Path.of(input);
            if (!Files.isReadable(path)) {
                err.println("cannot read " + path.toAbsolutePath() + ": give a readable file or - for stdin");
                return new Source(null, null);
            }
            return new Source(Files.newInputStream(path), null);
        }
    }

    /** An input stream and, for TCP, the socket to close with it. */
    private static final class Source implements AutoCloseable {
        @org.jspecify.annotations.Nullable
        final InputStream in;

        @org.jspecify.annotations.Nullable
        private final Socket socket;

        Source(@org.jspecify.annotations.Nullable InputStream in, @org.jspecify.annotations.Nullable Socket socket) {
            this.in = in;
            this.socket = socket;
        }

        @Override
        public void close() throws IOException {
            if (in != null && in != System.in) {
                in.close();
            }
            if (socket != null) {
                socket.close();
            }
        }
    }

    /** Counts for --stats; the receive clock is read once per 1024 frames (wall clock, like dump1090). */
    private static final class Counter {
        long frames;
        long decoded;
        long modeAc;
        long rejected;
        /** Count per cause name, sorted by name; a one-element array so that counting does not box. */
        final Map<String, long[]> reasons = new TreeMap<>();

        private Instant now = Instant.now();

        Instant now() {
            if ((frames & 1023) == 0) {
                now = Instant.now();
            }
            return now;
        }

        void reject(String cause, String reason, @org.jspecify.annotations.Nullable PrintWriter out) {
            rejected++;
            reasons.computeIfAbsent(cause, c -> new long[1])[0]++;
            if (out != null) {
                out.println(AdsbJson.rejected(reason));
            }
        }

        void print(PrintWriter err, long nanos) {
            double seconds = nanos / 1e9;
            err.printf(
                    "frames %d, decoded %d, rejected %d, mode A/C %d, %.1f s, %.0f frames/s%n",
                    frames, decoded, rejected, modeAc, seconds, frames / Math.max(seconds, 1e-9));
            reasons.forEach((reason, count) -> err.printf("  rejected %8d  %s%n", count[0], reason));
            err.flush();
        }
    }
}
