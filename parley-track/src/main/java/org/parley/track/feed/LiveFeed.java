package org.parley.track.feed;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.parley.track.PositionReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running feed of the encounter watch: reads its source on its own virtual thread and hands
 * every position report it decodes to the sink, until {@link #close} (or, for a file, its end).
 *
 * <ul>
 *   <li><b>TCP</b> ({@code tcp://host:port}): we connect as a client; a connection silent for
 *       {@link FeedOptions#readTimeout} (default 60 s) is dropped; we reconnect after a wait that
 *       starts at {@link FeedOptions#backoffMin} (1 s), doubles after each failed attempt up to
 *       {@link FeedOptions#backoffMax} (30 s) and falls back to the minimum after a connection that
 *       delivered data; we never give up. Connecting and losing the connection are logged once each
 *       per change, failed retries only at debug level.
 *   <li><b>UDP</b> ({@code udp://bindhost:port}): we listen; a datagram may hold several lines
 *       (AIS, SBS; not Beast). A bind that fails is retried with the same backoff. A datagram from a
 *       sender outside the feed's {@code allowFrom} (if given) is dropped unread, counted as {@code
 *       SENDER_NOT_ALLOWED}, and logged at most once a minute.
 *   <li><b>Replay</b> ({@code file:}): read once, plain or gzip (told by its content), paced by its
 *       own times divided by the speed: AIS by the time each line carries (tag block {@code c:},
 *       trailing epoch, {@code $PGHP}, {@code $xxZDA}), Beast by its 12 MHz timestamps. A recording
 *       without times (SBS always; AIS whose first 2,000 lines date no position; Beast frames
 *       stamped 0) is paced at a fixed {@link FeedOptions#untimedReplayStep} (100 ms) of file time
 *       a line or frame, divided by the speed. Reports are dated by the clock when they are emitted:
 *       the watch runs on node time. At the end of the file the feed is finished ({@link
 *       FeedStats#finished}).
 * </ul>
 *
 * <p>Live positions (TCP, UDP) are dated by the instant, on the injected clock, of the read that
 * brought them, not by any time in the data. Input is bounded everywhere: a text line is at most
 * 4096 bytes (AIS) or 512 (SBS), longer ones are skipped whole and counted as {@code
 * OVERLONG_LINE} at constant memory however long they are; gzip is recognised in files only, never
 * on a socket. Bad input is counted by reason in {@link #stats} and skipped; nothing a feed sends
 * makes it throw or stop.
 *
 * <p><b>Threads.</b> The sink is called from this feed's thread only, one report at a time and in
 * feed order; several feeds sharing one sink call it concurrently from their own threads, so such
 * a sink must be thread-safe. A sink that throws loses that report (counted as {@code
 * SINK_FAILED}); it should not block for long, because a blocked sink stops the feed's reading
 * (TCP then pushes back on the sender). {@link #stats}, {@link #name} and {@link #close} may be
 * called from any thread.
 */
public final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private static final int MAX_DATAGRAM_BYTES = 65_535;
    /** The reject reason of a datagram from a sender outside the feed's {@code allowFrom}. */
    static final String SENDER_NOT_ALLOWED = "SENDER_NOT_ALLOWED";

    private static final Duration STRANGER_WARNING_EVERY = Duration.ofMinutes(1);

    private final FeedSpec spec;
    private final FeedOptions options;
    private final InstantSource clock;
    private final FeedOutput out;
    private final Ingest ingest;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile @Nullable Closeable current;
    private volatile int localPort = -1;
    /** When a dropped stranger's datagram was last logged; the feed's thread only. */
    private @Nullable Instant lastStrangerWarning;

    private @Nullable Thread thread;

    private LiveFeed(FeedSpec spec, FeedOptions options, InstantSource clock, Consumer<PositionReport> sink) {
        this.spec = spec;
        this.options = options;
        this.clock = clock;
        this.out = new FeedOutput(spec, sink);
        this.ingest = Ingest.of(spec.kind(), out, clock);
    }

    /** Starts reading {@code spec} with the {@link FeedOptions#DEFAULTS}; see the class comment. */
    public static LiveFeed start(FeedSpec spec, InstantSource clock, Consumer<PositionReport> sink) {
        return start(spec, clock, sink, FeedOptions.DEFAULTS);
    }

    /** Starts reading {@code spec} on a new virtual thread named after the feed. */
    public static LiveFeed start(
            FeedSpec spec, InstantSource clock, Consumer<PositionReport> sink, FeedOptions options) {
        LiveFeed feed = new LiveFeed(spec, options, clock, sink);
        feed.thread = Thread.ofVirtual().name("feed-" + spec.name()).start(feed::run);
        return feed;
    }

    public String name() {
        return spec.name();
    }

    public FeedSpec spec() {
        return spec;
    }

    /** A snapshot of the counters; any thread. */
    public FeedStats stats() {
        return out.stats();
    }

    /** The UDP port the feed listens on once bound (useful with port 0); empty otherwise. */
    public OptionalInt localPort() {
        int port = localPort;
        return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** Waits up to {@code timeout} for the feed to finish (a replay's end, or close); true if it has. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops the feed: closes its socket or file, wakes it from any wait, and waits up to 5 s for its
     * thread to end (not when called from the sink, on that thread). Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(current);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            if (t == Thread.currentThread()) {
                return; // closed from the sink: the feed's thread ends when the sink returns
            }
            try {
                if (!done.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("feed {} did not stop within {}", spec.name(), CLOSE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            switch (spec.source()) {
                case FeedSource.Tcp tcp -> runTcp(tcp);
                case FeedSource.Udp udp -> runUdp(udp);
                case FeedSource.Replay replay -> runReplay(replay);
            }
        } catch (RuntimeException e) {
            // A decoder bug must not pass silently; the feed is reported finished and the node stays up.
            LOG.error("feed {} stopped by an unexpected error", spec.name(), e);
            out.reject("INTERNAL_ERROR");
        } finally {
            out.finished();
            done.countDown();
        }
    }

    private void runTcp(FeedSource.Tcp tcp) {
        Duration backoff = options.backoffMin();
        boolean downLogged = false;
        while (!closed) {
            Socket socket = new Socket();
            current = socket;
            try {
                socket.connect(new InetSocketAddress(tcp.host(), tcp.port()), (int)
                        options.connectTimeout().toMillis());
                socket.setSoTimeout((int) options.readTimeout().toMillis());
            } catch (IOException e) {
                closeQuietly(socket);
                if (!downLogged && !closed) {
                    LOG.warn(
                            "feed {}: cannot connect to {} ({}); retrying every {} to {}",
                            spec.name(),
                            tcp,
                            e.getMessage(),
                            options.backoffMin(),
                            options.backoffMax());
                    downLogged = true;
                }
                if (!pause(backoff)) {
                    return;
                }
                backoff = doubled(backoff);
                continue;
            }
            boolean delivered = readConnection(socket, tcp);
            downLogged = true; // the disconnection was logged; failed retries after it are not
            if (delivered) {
                backoff = options.backoffMin();
            }
            if (!pause(backoff)) {
                return;
            }
            if (!delivered) {
                backoff = doubled(backoff);
            }
        }
    }

    /** Reads one connection to its end; true if it delivered anything. */
    private boolean readConnection(Socket socket, FeedSource.Tcp tcp) {
        out.connected();
        LOG.info("feed {} ({}) connected to {}", spec.name(), spec.kind().configName(), tcp);
        long before = out.messages();
        String why;
        try {
            // No gzip detection: a socket speaks the receiver's format, never a compressed file.
            ingest.live(new TimedInputStream(socket.getInputStream(), clock));
            why = "closed by the receiver";
        } catch (SocketTimeoutException e) {
            why = "silent for " + options.readTimeout() + ", dropped";
        } catch (IOException e) {
            why = String.valueOf(e.getMessage());
        } finally {
            closeQuietly(socket);
            out.disconnected();
        }
        if (!closed) {
            LOG.warn("feed {} disconnected from {}: {}; reconnecting", spec.name(), tcp, why);
        }
        return out.messages() > before;
    }

    private void runUdp(FeedSource.Udp udp) {
        Duration backoff = options.backoffMin();
        while (!closed) {
            DatagramSocket socket;
            try {
                socket = new DatagramSocket(new InetSocketAddress(udp.bindHost(), udp.port()));
            } catch (IOException e) {
                LOG.warn(
                        "feed {}: cannot listen on {} ({}); retrying in {}", spec.name(), udp, e.getMessage(), backoff);
                if (!pause(backoff)) {
                    return;
                }
                backoff = doubled(backoff);
                continue;
            }
            current = socket;
            localPort = socket.getLocalPort();
            out.connected();
            LOG.info("feed {} ({}) listening on {}", spec.name(), spec.kind().configName(), udp);
            try {
                receive(socket, udp);
            } finally {
                socket.close();
                out.disconnected();
            }
            if (!pause(backoff)) {
                return;
            }
        }
    }

    private void receive(DatagramSocket socket, FeedSource.Udp udp) {
        byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                if (!udp.allows(packet.getAddress())) {
                    // Not a message: a stranger's datagrams must not keep a silent feed looking alive.
                    out.reject(SENDER_NOT_ALLOWED);
                    warnStranger(packet.getAddress(), udp);
                    continue;
                }
                // One datagram may carry several lines, the last without a terminator.
                ingest.datagram(buffer, packet.getLength(), clock);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("feed {}: receiving failed ({}); listening again shortly", spec.name(), e.getMessage());
                }
                return;
            }
        }
    }

    /** One warning per {@link #STRANGER_WARNING_EVERY} at most: a flood must not flood the log too. */
    private void warnStranger(InetAddress sender, FeedSource.Udp udp) {
        Instant now = clock.instant();
        Instant last = lastStrangerWarning;
        if (last != null && now.isBefore(last.plus(STRANGER_WARNING_EVERY))) {
            return;
        }
        lastStrangerWarning = now;
        LOG.warn(
                "feed {}: dropped a datagram from {}, not in allowFrom {}; {} dropped so far (counted as {},"
                        + " this warning at most once a minute)",
                spec.name(),
                sender.getHostAddress(),
                udp.allowFrom(),
                out.stats().rejected(SENDER_NOT_ALLOWED),
                SENDER_NOT_ALLOWED);
    }

    private void runReplay(FeedSource.Replay replay) {
        out.connected();
        LOG.info("feed {} ({}) replaying {}", spec.name(), spec.kind().configName(), replay);
        try {
            ingest.replay(replay.file(), new Pacer(replay.speed(), options.untimedReplayStep()), clock);
            LOG.info(
                    "feed {} finished {}: {} messages, {} positions",
                    spec.name(),
                    replay.file(),
                    out.messages(),
                    out.positions());
        } catch (InterruptedIOException e) {
            LOG.info("feed {} replay stopped", spec.name());
        } catch (IOException e) {
            if (!closed) {
                out.reject("FILE_UNREADABLE");
                LOG.error("feed {}: cannot read {}: {}", spec.name(), replay.file(), e.getMessage());
            }
        }
    }

    /** Sleeps {@code wait} unless closed first; false if the feed is closing. */
    private boolean pause(Duration wait) {
        if (closed) {
            return false;
        }
        try {
            Thread.sleep(wait);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private Duration doubled(Duration backoff) {
        Duration twice = backoff.multipliedBy(2);
        return twice.compareTo(options.backoffMax()) > 0 ? options.backoffMax() : twice;
    }

    private static void closeQuietly(@Nullable Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing to stop: nothing more to do
            }
        }
    }
}
