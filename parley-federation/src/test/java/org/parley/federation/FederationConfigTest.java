package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.federation.gate.ConnectionLimits;
import org.parley.wire.Precedence;

class FederationConfigTest {
    private static final FederationConfig DEFAULTS = FederationConfig.defaults(
            new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
            List.of(URI.create("https://127.0.0.1:9443")));

    @Test
    void defaults_connectionLimits_areTheFederationGates() {
        assertThat(DEFAULTS.connectionLimits()).isEqualTo(ConnectionLimits.FEDERATION);
    }

    @Test
    void withEach_changesOnlyItsOwnComponents() {
        FederationConfig changed = DEFAULTS.withConnectionLimits(new ConnectionLimits(10, 2))
                .withFlashAlarm(Duration.ofSeconds(5), 2)
                .withLinkTests(Duration.ofSeconds(7), Duration.ofSeconds(3), 4)
                .withRetry(Duration.ofMillis(50), Duration.ofSeconds(20), Duration.ofSeconds(4))
                .withRetryCaps(Map.of(Precedence.FLASH, Duration.ofSeconds(1)));

        assertThat(changed.connectionLimits()).isEqualTo(new ConnectionLimits(10, 2));
        assertThat(changed.flashReceiptAlarmAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(changed.failedAttemptsForAlarm()).isEqualTo(2);
        assertThat(changed.linkTestInterval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(changed.linkTestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(changed.missesForAlarm()).isEqualTo(4);
        assertThat(changed.retryBase()).isEqualTo(Duration.ofMillis(50));
        assertThat(changed.retryMax()).isEqualTo(Duration.ofSeconds(20));
        assertThat(changed.requestTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(changed.retryCap(Precedence.FLASH)).isEqualTo(Duration.ofSeconds(1));
        assertThat(changed.retryCap(Precedence.ROUTINE))
                .as("left out: retryMax")
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(changed.listen()).isEqualTo(DEFAULTS.listen());
        assertThat(changed.peerEndpoints()).isEqualTo(DEFAULTS.peerEndpoints());
        assertThat(changed.batchSize()).isEqualTo(DEFAULTS.batchSize());
        assertThat(changed.returnToPrimaryAfter()).isEqualTo(DEFAULTS.returnToPrimaryAfter());
    }
}
