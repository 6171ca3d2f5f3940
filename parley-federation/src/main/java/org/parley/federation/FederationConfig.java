package org.parley.federation;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.parley.federation.gate.ConnectionLimits;
import org.parley.wire.Precedence;

/**
 * How a node federates with its peer.
 *
 * @param listen where the federation HTTPS endpoint listens (port 0 picks a free port)
 * @param peerEndpoints the peer's redundant endpoints, in order of preference
 * @param batchSize most envelopes per POST
 * @param retryBase first retry delay; doubles per attempt, with full jitter
 * @param retryMax longest retry delay, whatever the precedence
 * @param retryCaps longest retry delay per precedence (each also at most {@code retryMax}): small for
 *     FLASH, so a FLASH queued while the peer was down goes within seconds of its return (issue 20);
 *     a precedence left out gets {@code retryMax}
 * @param requestTimeout how long one POST may take before the endpoint counts as down
 * @param returnToPrimaryAfter how long to stay on a fallback endpoint before trying the first again
 * @param linkTestInterval how often to send a link test (DESIGN: hourly by default)
 * @param linkTestTimeout how long a link test may go unanswered before it counts as a miss
 * @param missesForAlarm misses in a row that raise the link alarm
 * @param flashReceiptAlarmAfter an outbound FLASH without a receipt this long raises an alarm
 * @param failedAttemptsForAlarm failed delivery attempts of one FLASH that raise the alarm sooner
 * @param connectionLimits connections the federation port holds at once, in all and per source
 *     address ({@link ConnectionLimits#FEDERATION} by default; node.yaml {@code
 *     federation.connections})
 */
public record FederationConfig(
        InetSocketAddress listen,
        List<URI> peerEndpoints,
        int batchSize,
        Duration retryBase,
        Duration retryMax,
        Duration requestTimeout,
        Duration returnToPrimaryAfter,
        Duration linkTestInterval,
        Duration linkTestTimeout,
        int missesForAlarm,
        Duration flashReceiptAlarmAfter,
        int failedAttemptsForAlarm,
        Map<Precedence, Duration> retryCaps,
        ConnectionLimits connectionLimits) {

    /**
     * Default retry caps (issue 20): a FLASH (an EMERGENCY is a FLASH) is retried at least every 2 s,
     * so it reaches a peer back from a crash or a partition within about 2 s even if no exchange
     * tells this node so; bulk precedences back off to 30 s so a long outage costs little.
     */
    public static final Map<Precedence, Duration> DEFAULT_RETRY_CAPS = Map.of(
            Precedence.FLASH, Duration.ofSeconds(2),
            Precedence.IMMEDIATE, Duration.ofSeconds(10),
            Precedence.PRIORITY, Duration.ofSeconds(30),
            Precedence.ROUTINE, Duration.ofSeconds(30));

    public FederationConfig {
        peerEndpoints = List.copyOf(peerEndpoints);
        Map<Precedence, Duration> caps = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            Duration cap = retryCaps.getOrDefault(p, retryMax);
            positive("retryCaps." + p, cap);
            caps.put(p, cap);
        }
        retryCaps = Map.copyOf(caps);
        if (peerEndpoints.isEmpty()) {
            throw new IllegalArgumentException("peerEndpoints needs at least one https:// URL");
        }
        for (URI uri : peerEndpoints) {
            if (!"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("peer endpoints must be https:// URLs: " + uri);
            }
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be 1..10000: " + batchSize);
        }
        positive("retryBase", retryBase);
        positive("retryMax", retryMax);
        positive("requestTimeout", requestTimeout);
        positive("returnToPrimaryAfter", returnToPrimaryAfter);
        positive("linkTestInterval", linkTestInterval);
        positive("linkTestTimeout", linkTestTimeout);
        if (missesForAlarm < 1) {
            throw new IllegalArgumentException("missesForAlarm must be >= 1: " + missesForAlarm);
        }
        positive("flashReceiptAlarmAfter", flashReceiptAlarmAfter);
        if (failedAttemptsForAlarm < 1) {
            throw new IllegalArgumentException("failedAttemptsForAlarm must be >= 1: " + failedAttemptsForAlarm);
        }
    }

    /** As the canonical constructor, with the default federation port limits. */
    public FederationConfig(
            InetSocketAddress listen,
            List<URI> peerEndpoints,
            int batchSize,
            Duration retryBase,
            Duration retryMax,
            Duration requestTimeout,
            Duration returnToPrimaryAfter,
            Duration linkTestInterval,
            Duration linkTestTimeout,
            int missesForAlarm,
            Duration flashReceiptAlarmAfter,
            int failedAttemptsForAlarm,
            Map<Precedence, Duration> retryCaps) {
        this(
                listen,
                peerEndpoints,
                batchSize,
                retryBase,
                retryMax,
                requestTimeout,
                returnToPrimaryAfter,
                linkTestInterval,
                linkTestTimeout,
                missesForAlarm,
                flashReceiptAlarmAfter,
                failedAttemptsForAlarm,
                retryCaps,
                ConnectionLimits.FEDERATION);
    }

    /**
     * Defaults from DESIGN.md: hourly link tests, alarm after 3 misses; a FLASH without a receipt
     * after 60 s or 5 failed attempts raises an alarm (issue 19, item 9).
     */
    public static FederationConfig defaults(InetSocketAddress listen, List<URI> peerEndpoints) {
        return new FederationConfig(
                listen,
                peerEndpoints,
                256,
                Duration.ofMillis(200),
                Duration.ofSeconds(30),
                Duration.ofSeconds(10),
                Duration.ofMinutes(1),
                Duration.ofHours(1),
                Duration.ofSeconds(30),
                3,
                Duration.ofSeconds(60),
                5,
                DEFAULT_RETRY_CAPS);
    }

    /** The longest retry delay for {@code precedence}: its cap, and never more than {@link #retryMax}. */
    public Duration retryCap(Precedence precedence) {
        return shorter(retryCaps.getOrDefault(precedence, retryMax), retryMax);
    }

    /**
     * How long a link test's request may wait: {@link #linkTestTimeout}, never more than the request
     * timeout. An answer after the link-test timeout is a miss anyway; waiting out the request
     * timeout on a dead wire delayed LINK_DOWN to ~3 x that timeout (docs/reliability.md).
     */
    public Duration linkTestRequestTimeout() {
        return shorter(linkTestTimeout, requestTimeout);
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /** The same config with these retry caps per precedence (a precedence left out gets {@link #retryMax}). */
    public FederationConfig withRetryCaps(Map<Precedence, Duration> caps) {
        Copy c = new Copy(this);
        c.retryCaps = caps;
        return c.build();
    }

    public FederationConfig withLinkTests(Duration interval, Duration timeout, int misses) {
        Copy c = new Copy(this);
        c.linkTestInterval = interval;
        c.linkTestTimeout = timeout;
        c.missesForAlarm = misses;
        return c.build();
    }

    public FederationConfig withRetry(Duration base, Duration max, Duration timeout) {
        Copy c = new Copy(this);
        c.retryBase = base;
        c.retryMax = max;
        c.requestTimeout = timeout;
        return c.build();
    }

    public FederationConfig withFlashAlarm(Duration after, int failedAttempts) {
        Copy c = new Copy(this);
        c.flashReceiptAlarmAfter = after;
        c.failedAttemptsForAlarm = failedAttempts;
        return c.build();
    }

    /** The same config with these limits on the federation port's connections. */
    public FederationConfig withConnectionLimits(ConnectionLimits limits) {
        Copy c = new Copy(this);
        c.connectionLimits = limits;
        return c.build();
    }

    /**
     * Every component of a config, to change a few and build a new one (checked again by the
     * canonical constructor): one place that lists them all, not one copy per {@code with} method.
     */
    private static final class Copy {
        final InetSocketAddress listen;
        final List<URI> peerEndpoints;
        final int batchSize;
        Duration retryBase;
        Duration retryMax;
        Duration requestTimeout;
        final Duration returnToPrimaryAfter;
        Duration linkTestInterval;
        Duration linkTestTimeout;
        int missesForAlarm;
        Duration flashReceiptAlarmAfter;
        int failedAttemptsForAlarm;
        Map<Precedence, Duration> retryCaps;
        ConnectionLimits connectionLimits;

        Copy(FederationConfig c) {
            listen = c.listen;
            peerEndpoints = c.peerEndpoints;
            batchSize = c.batchSize;
            retryBase = c.retryBase;
            retryMax = c.retryMax;
            requestTimeout = c.requestTimeout;
            returnToPrimaryAfter = c.returnToPrimaryAfter;
            linkTestInterval = c.linkTestInterval;
            linkTestTimeout = c.linkTestTimeout;
            missesForAlarm = c.missesForAlarm;
            flashReceiptAlarmAfter = c.flashReceiptAlarmAfter;
            failedAttemptsForAlarm = c.failedAttemptsForAlarm;
            retryCaps = c.retryCaps;
            connectionLimits = c.connectionLimits;
        }

        FederationConfig build() {
            return new FederationConfig(
                    listen,
                    peerEndpoints,
                    batchSize,
                    retryBase,
                    retryMax,
                    requestTimeout,
                    returnToPrimaryAfter,
                    linkTestInterval,
                    linkTestTimeout,
                    missesForAlarm,
                    flashReceiptAlarmAfter,
                    failedAttemptsForAlarm,
                    retryCaps,
                    connectionLimits);
        }
    }

    private static void positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
