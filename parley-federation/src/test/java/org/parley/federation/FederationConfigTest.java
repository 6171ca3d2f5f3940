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

    @Test
    void builder_nothingSet_isTheDesignDefaults() {
        FederationConfig built = FederationConfig.builder(DEFAULTS.listen(), DEFAULTS.peerEndpoints())
                .build();

        assertThat(built.batchSize()).isEqualTo(256);
        assertThat(built.retryBase()).isEqualTo(Duration.ofMillis(200));
        assertThat(built.retryMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(built.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(built.returnToPrimaryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(built.linkTestInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(built.linkTestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(built.missesForAlarm()).isEqualTo(3);
        assertThat(built.flashReceiptAlarmAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(built.failedAttemptsForAlarm()).isEqualTo(5);
        assertThat(built.retryCaps()).isEqualTo(FederationConfig.DEFAULT_RETRY_CAPS);
        assertThat(built.connectionLimits()).isEqualTo(ConnectionLimits.FEDERATION);
    }

    @Test
    void toBuilder_oneChange_keepsEveryOtherComponent() {
        FederationConfig changed =
                DEFAULTS.withRetry(Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(2)).toBuilder()
                        .batchSize(16)
                        .build();

        assertThat(changed)
                .isEqualTo(new FederationConfig(
                        DEFAULTS.listen(),
                        DEFAULTS.peerEndpoints(),
                        16,
                        Duration.ofMillis(50),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(2),
                        DEFAULTS.returnToPrimaryAfter(),
                        DEFAULTS.linkTestInterval(),
                        DEFAULTS.linkTestTimeout(),
                        DEFAULTS.missesForAlarm(),
                        DEFAULTS.flashReceiptAlarmAfter(),
                        DEFAULTS.failedAttemptsForAlarm(),
                        DEFAULTS.retryCaps(),
                        DEFAULTS.connectionLimits()));
    }

    @Test
    void build_batchSizeZero_saysWhatToFix() {
        FederationConfig.Builder builder = DEFAULTS.toBuilder().batchSize(0);

        org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize must be 1..10000: 0");
    }
}
