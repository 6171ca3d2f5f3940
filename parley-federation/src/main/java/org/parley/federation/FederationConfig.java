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
 * How a node federates with its peer. Build one with {@link #builder} (or {@link #defaults}); derive
 * a variant with a {@code with} method or, for several changes, {@link #toBuilder()}.
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

    /**
     * Defaults from DESIGN.md: hourly link tests, alarm after 3 misses; a FLASH without a receipt
     * after 60 s or 5 failed attempts raises an alarm (issue 19, item 9).
     */
    public static FederationConfig defaults(InetSocketAddress listen, List<URI> peerEndpoints) {
        return builder(listen, peerEndpoints).build();
    }

    /**
     * A builder that starts from the {@link #defaults defaults}: the one way to build a config
     * with other values. {@link Builder#build()} checks it as the canonical constructor does.
     */
    public static Builder builder(InetSocketAddress listen, List<URI> peerEndpoints) {
        return new Builder(listen, peerEndpoints);
    }

    /** A builder holding every component of this config, to change a few and build a variant. */
    public Builder toBuilder() {
        return new Builder(this);
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
        return toBuilder().retryCaps(caps).build();
    }

    /** The same config with these link-test settings. */
    public FederationConfig withLinkTests(Duration interval, Duration timeout, int misses) {
        return toBuilder().linkTests(interval, timeout, misses).build();
    }

    /** The same config with this retry backoff and request timeout. */
    public FederationConfig withRetry(Duration base, Duration max, Duration timeout) {
        return toBuilder().retry(base, max, timeout).build();
    }

    /** The same config with this FLASH-overdue alarm. */
    public FederationConfig withFlashAlarm(Duration after, int failedAttempts) {
        return toBuilder().flashAlarm(after, failedAttempts).build();
    }

    /** The same config with these limits on the federation port's connections. */
    public FederationConfig withConnectionLimits(ConnectionLimits limits) {
        return toBuilder().connectionLimits(limits).build();
    }

    /**
     * Every component of a config, to set a few and build one (checked by the canonical
     * constructor): the one place that lists them all, for {@link #builder} and every {@code with}
     * method. Starts from the DESIGN.md defaults or from an existing config.
     */
    public static final class Builder {
        private final InetSocketAddress listen;
        private final List<URI> peerEndpoints;
        private int batchSize = 256;
        private Duration retryBase = Duration.ofMillis(200);
        private Duration retryMax = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Duration returnToPrimaryAfter = Duration.ofMinutes(1);
        private Duration linkTestInterval = Duration.ofHours(1);
        private Duration linkTestTimeout = Duration.ofSeconds(30);
        private int missesForAlarm = 3;
        private Duration flashReceiptAlarmAfter = Duration.ofSeconds(60);
        private int failedAttemptsForAlarm = 5;
        private Map<Precedence, Duration> retryCaps = DEFAULT_RETRY_CAPS;
        private ConnectionLimits connectionLimits = ConnectionLimits.FEDERATION;

        private Builder(InetSocketAddress listen, List<URI> peerEndpoints) {
            this.listen = listen;
            this.peerEndpoints = peerEndpoints;
        }

        private Builder(FederationConfig c) {
            this(c.listen, c.peerEndpoints);
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

        public Builder batchSize(int envelopes) {
            this.batchSize = envelopes;
            return this;
        }

        /** First retry delay, longest retry delay, and how long one POST may take. */
        public Builder retry(Duration base, Duration max, Duration timeout) {
            this.retryBase = base;
            this.retryMax = max;
            this.requestTimeout = timeout;
            return this;
        }

        /** The longest retry delay, whatever the precedence. */
        public Builder retryMax(Duration max) {
            this.retryMax = max;
            return this;
        }

        /** Longest retry delay per precedence; a precedence left out gets {@code retryMax}. */
        public Builder retryCaps(Map<Precedence, Duration> caps) {
            this.retryCaps = caps;
            return this;
        }

        public Builder returnToPrimaryAfter(Duration after) {
            this.returnToPrimaryAfter = after;
            return this;
        }

        /** How often to send a link test, how long it may go unanswered, misses that raise the alarm. */
        public Builder linkTests(Duration interval, Duration timeout, int misses) {
            this.linkTestInterval = interval;
            this.linkTestTimeout = timeout;
            this.missesForAlarm = misses;
            return this;
        }

        /** An outbound FLASH without a receipt this long, or after this many failed attempts, alarms. */
        public Builder flashAlarm(Duration after, int failedAttempts) {
            this.flashReceiptAlarmAfter = after;
            this.failedAttemptsForAlarm = failedAttempts;
            return this;
        }

        public Builder connectionLimits(ConnectionLimits limits) {
            this.connectionLimits = limits;
            return this;
        }

        /** The config; throws {@link IllegalArgumentException} naming the first component that is wrong. */
        public FederationConfig build() {
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
