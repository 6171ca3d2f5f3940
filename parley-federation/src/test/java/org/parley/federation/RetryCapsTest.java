package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.wire.Precedence;

/** Retry caps per precedence (issue 20): FLASH is retried at least every 2 s by default. */
class RetryCapsTest {
    private static final FederationConfig DEFAULTS = FederationConfig.defaults(
            new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
            List.of(URI.create("https://127.0.0.1:9443")));

    @Test
    void retryCap_defaults_flashTwoSecondsBulkThirty() {
        assertThat(DEFAULTS.retryCap(Precedence.FLASH)).isEqualTo(Duration.ofSeconds(2));
        assertThat(DEFAULTS.retryCap(Precedence.IMMEDIATE)).isEqualTo(Duration.ofSeconds(10));
        assertThat(DEFAULTS.retryCap(Precedence.ROUTINE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retryCap_overallMaxSmaller_overallMaxWins() {
        FederationConfig tight =
                DEFAULTS.withRetry(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(2));
        assertThat(tight.retryCap(Precedence.FLASH)).isEqualTo(Duration.ofMillis(500));
        assertThat(tight.retryCap(Precedence.ROUTINE)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void linkTestRequestTimeout_shorterLinkTestTimeout_linkTestTimeoutWins() {
        FederationConfig quick = DEFAULTS.withLinkTests(Duration.ofSeconds(2), Duration.ofSeconds(1), 3);
        assertThat(quick.linkTestRequestTimeout()).isEqualTo(Duration.ofSeconds(1));
        FederationConfig slow = DEFAULTS.withLinkTests(Duration.ofSeconds(60), Duration.ofSeconds(45), 3);
        assertThat(slow.linkTestRequestTimeout()).isEqualTo(slow.requestTimeout());
    }

    @Test
    void withRetryCaps_precedenceLeftOut_getsRetryMax() {
        FederationConfig c = DEFAULTS.withRetryCaps(Map.of(Precedence.FLASH, Duration.ofSeconds(1)));
        assertThat(c.retryCap(Precedence.FLASH)).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.retryCap(Precedence.PRIORITY)).isEqualTo(DEFAULTS.retryMax());
    }

    @Test
    void withRetryCaps_zeroCap_refusedWithItsName() {
        assertThatThrownBy(() -> DEFAULTS.withRetryCaps(Map.of(Precedence.FLASH, Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retryCaps.FLASH");
    }
}
