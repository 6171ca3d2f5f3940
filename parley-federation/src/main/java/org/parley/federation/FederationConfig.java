package org.parley.federation;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How a node federates with its peer.
 *
 * @param listen where the federation HTTPS endpoint listens (port 0 picks a free port)
 * @param peerEndpoints the peer's redundant endpoints, in order of preference
 * @param batchSize most envelopes per POST
 * @param retryBase first retry delay; doubles per attempt, with full jitter
 * @param retryMax longest retry delay
 * @param requestTimeout how long one POST may take before the endpoint counts as down
 * @param returnToPrimaryAfter how long to stay on a fallback endpoint before trying the first again
 * @param linkTestInterval how often to send a link test (DESIGN: hourly by default)
 * @param linkTestTimeout how long a link test may go unanswered before it counts as a miss
 * @param missesForAlarm misses in a row that raise the link alarm
 * @param flashReceiptAlarmAfter an outbound FLASH without a receipt this long raises an alarm
 * @param failedAttemptsForAlarm failed delivery attempts of one FLASH that raise the alarm sooner
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
        int failedAttemptsForAlarm) {

    public FederationConfig {
        peerEndpoints = List.copyOf(peerEndpoints);
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
                5);
    }

    public FederationConfig withLinkTests(Duration interval, Duration timeout, int misses) {
        return new FederationConfig(
                listen,
                peerEndpoints,
                batchSize,
                retryBase,
                retryMax,
                requestTimeout,
                returnToPrimaryAfter,
                interval,
                timeout,
                misses,
                flashReceiptAlarmAfter,
                failedAttemptsForAlarm);
    }

    public FederationConfig withRetry(Duration base, Duration max, Duration timeout) {
        return new FederationConfig(
                listen,
                peerEndpoints,
                batchSize,
                base,
                max,
                timeout,
                returnToPrimaryAfter,
                linkTestInterval,
                linkTestTimeout,
                missesForAlarm,
                flashReceiptAlarmAfter,
                failedAttemptsForAlarm);
    }

    public FederationConfig withFlashAlarm(Duration after, int failedAttempts) {
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
                after,
                failedAttempts);
    }

    private static void positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
