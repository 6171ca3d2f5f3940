package org.parley.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.encounter.Level;
import org.parley.federation.gate.ConnectionLimits;
import org.parley.node.watch.WatchConfig;
import org.parley.track.feed.FeedSource;
import org.parley.track.feed.FeedSpec;
import org.parley.wire.Party;
import org.parley.wire.Precedence;

class NodeConfigTest {
    private static final String VALID = """
            party: BLUE
            keys: keys/blue
            store: jdbc:sqlite:blue.db
            federation:
              listen: 127.0.0.1:8443
              peer: RED
              endpoints: [https://127.0.0.1:9443, https://127.0.0.1:9444]
            operator:
              listen: 127.0.0.1:8080
              tokens: { "t0ken": { operator: alice, role: DUTY_OFFICER } }
            linkTest: { interval: PT5S, missesForAlarm: 2 }
            ack:
              deadlines: { FLASH: PT1M }
            """;

    @TempDir
    Path dir;

    private NodeConfig load(String yaml) throws Exception {
        Path file = dir.resolve("node.yaml");
        Files.writeString(file, yaml);
        return NodeConfig.load(file);
    }

    @Test
    void load_validFile_readsEveryField() throws Exception {
        NodeConfig config = load(VALID);
        assertThat(config.party()).isEqualTo(new Party("BLUE"));
        assertThat(config.peer()).isEqualTo(new Party("RED"));
        assertThat(config.keysDir()).isEqualTo(dir.toAbsolutePath().resolve("keys/blue"));
        assertThat(config.peerEndpoints()).hasSize(2);
        assertThat(config.federationListen().getPort()).isEqualTo(8443);
        assertThat(config.tokens().get("t0ken").role()).isEqualTo(NodeConfig.Role.DUTY_OFFICER);
        assertThat(config.linkTestInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.linkTestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.missesForAlarm()).isEqualTo(2);
        assertThat(config.ackDeadlines()).containsEntry(Precedence.FLASH, Duration.ofMinutes(1));
        assertThat(config.ackDeadlines()).containsEntry(Precedence.ROUTINE, Duration.ofHours(6));
        assertThat(config.escalationChain()).startsWith("duty-officer");
    }

    @Test
    void nodeConfigFile_written_loadsWithEveryValueGiven() throws Exception {
        Path file = NodeConfigFile.of("RED", "BLUE")
                .keys("red/keys")
                .sqlite(dir.resolve("red.db"))
                .federation(9443, 8443, 8444)
                .operator(9080)
                .token("t1", "li", "DUTY_OFFICER")
                .token("t2", "wang", "WATCH_SUPERVISOR")
                .immediateDeadline("PT6S")
                .write(dir.resolve("red.yaml"));

        NodeConfig config = NodeConfig.load(file);

        assertThat(config.party()).isEqualTo(new Party("RED"));
        assertThat(config.peer()).isEqualTo(new Party("BLUE"));
        assertThat(config.keysDir()).isEqualTo(dir.resolve("red/keys"));
        assertThat(config.storeUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("red.db"));
        assertThat(config.peerEndpoints())
                .extracting(Object::toString)
                .containsExactly("https://127.0.0.1:8443", "https://127.0.0.1:8444");
        assertThat(config.operatorListen().getPort()).isEqualTo(9080);
        assertThat(config.tokens()).containsOnlyKeys("t1", "t2");
        assertThat(config.tokens().get("t2").role()).isEqualTo(NodeConfig.Role.WATCH_SUPERVISOR);
        assertThat(config.ackDeadlines().get(org.parley.wire.Precedence.IMMEDIATE))
                .isEqualTo(java.time.Duration.ofSeconds(6));
    }

    @Test
    void load_noConnectionsKeys_keepsTheGateDefaults() throws Exception {
        NodeConfig config = load(VALID);

        assertThat(config.federationConnections()).isEqualTo(new ConnectionLimits(1_000, 32));
        assertThat(config.operatorConnections()).isEqualTo(new ConnectionLimits(1_000, 64));
    }

    @Test
    void load_connectionsSet_readsEachPortsLimits() throws Exception {
        NodeConfig config =
                load(VALID.replace("  peer: RED\n", "  peer: RED\n  connections: { perPort: 200, perAddress: 4 }\n")
                        .replace(
                                "  listen: 127.0.0.1:8080\n",
                                "  listen: 127.0.0.1:8080\n  connections: { perAddress: 100 }\n"));

        assertThat(config.federationConnections()).isEqualTo(new ConnectionLimits(200, 4));
        assertThat(config.operatorConnections()).isEqualTo(new ConnectionLimits(1_000, 100));
    }

    @Test
    void load_connectionsOutOfRange_namesKeyAndRange() {
        assertThatThrownBy(
                        () -> load(VALID.replace("  peer: RED\n", "  peer: RED\n  connections: { perAddress: 0 }\n")))
                .hasMessage(
                        "federation.connections.perAddress must be 1..1000 (at most federation.connections.perPort): 0");
        assertThatThrownBy(() -> load(VALID.replace(
                        "  listen: 127.0.0.1:8080\n",
                        "  listen: 127.0.0.1:8080\n  connections: { perPort: 100001 }\n")))
                .hasMessage("operator.connections.perPort must be 1..100000 (connections at once): 100001");
        assertThatThrownBy(() -> load(VALID.replace(
                        "  listen: 127.0.0.1:8080\n",
                        "  listen: 127.0.0.1:8080\n  connections: { perPort: 10, perAddress: 64 }\n")))
                .hasMessageContaining("operator.connections.perAddress must be 1..10");
        assertThatThrownBy(
                        () -> load(VALID.replace("  peer: RED\n", "  peer: RED\n  connections: { perPort: lots }\n")))
                .hasMessage("federation.connections.perPort must be a whole number from 1 to 100000: 'lots'");
    }

    @Test
    void load_misspeltConnectionsKey_namesClosestKey() {
        assertThatThrownBy(() -> load(VALID.replace("  peer: RED\n", "  peer: RED\n  connections: { perAdress: 4 }\n")))
                .hasMessageContaining("unknown key 'federation.connections.perAdress'; did you mean"
                        + " 'federation.connections.perAddress'?");
    }

    @Test
    void load_peerSameAsParty_saysWhatToFix() {
        assertThatThrownBy(() -> load(VALID.replace("peer: RED", "peer: BLUE")))
                .hasMessageContaining("federation.peer must name the other party");
    }

    @Test
    void load_httpEndpoint_isRefused() {
        assertThatThrownBy(() -> load(VALID.replace("https://127.0.0.1:9443", "http://127.0.0.1:9443")))
                .hasMessageContaining("must be https://");
    }

    @Test
    void load_badDuration_namesTheField() {
        assertThatThrownBy(() -> load(VALID.replace("interval: PT5S", "interval: 5s")))
                .hasMessageContaining("linkTest.interval");
    }

    @Test
    void load_unknownRole_listsTheRoles() {
        assertThatThrownBy(() -> load(VALID.replace("DUTY_OFFICER", "CAPTAIN")))
                .hasMessageContaining("DUTY_OFFICER, WATCH_SUPERVISOR or ADMIN");
    }

    @Test
    void load_missingParty_namesTheField() {
        assertThatThrownBy(() -> load(VALID.replace("party: BLUE\n", ""))).hasMessageContaining("'party'");
    }

    @Test
    void load_misspeltTopLevelKey_namesKeyLineAndClosestKey() {
        assertThatThrownBy(() -> load(VALID.replace("linkTest:", "linkTets:")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 11")
                .hasMessageContaining("unknown key 'linkTets'")
                .hasMessageContaining("did you mean 'linkTest'");
    }

    @Test
    void load_misspeltNestedKey_namesItsFullPath() {
        assertThatThrownBy(() -> load(VALID.replace("  deadlines:", "  dealines:")))
                .hasMessageContaining("line 13")
                .hasMessageContaining("unknown key 'ack.dealines'")
                .hasMessageContaining("did you mean 'ack.deadlines'");
    }

    @Test
    void load_federationRetryMax_readsCapsAndKeepsDefaultsForTheRest() throws Exception {
        String yaml = VALID.replace(
                "  endpoints: [https://127.0.0.1:9443, https://127.0.0.1:9444]\n",
                "  endpoints: [https://127.0.0.1:9443, https://127.0.0.1:9444]\n  retryMax: { FLASH: PT1S }\n");
        NodeConfig config = load(yaml);
        assertThat(config.retryMax()).containsEntry(Precedence.FLASH, Duration.ofSeconds(1));
        assertThat(config.retryMax()).containsEntry(Precedence.ROUTINE, Duration.ofSeconds(30));
        assertThat(load(VALID).retryMax()).containsEntry(Precedence.FLASH, Duration.ofSeconds(2));
    }

    @Test
    void load_unknownPrecedenceInRetryMax_isRefused() {
        String yaml = VALID.replace(
                "  endpoints: [https://127.0.0.1:9443, https://127.0.0.1:9444]\n",
                "  endpoints: [https://127.0.0.1:9443, https://127.0.0.1:9444]\n  retryMax: { FLSH: PT1S }\n");
        assertThatThrownBy(() -> load(yaml))
                .hasMessageContaining("unknown key 'federation.retryMax.FLSH'")
                .hasMessageContaining("did you mean 'federation.retryMax.FLASH'");
    }

    @Test
    void load_unknownPrecedenceInDeadlines_isRefused() {
        assertThatThrownBy(() -> load(VALID.replace("FLASH: PT1M", "FLSH: PT1M")))
                .hasMessageContaining("unknown key 'ack.deadlines.FLSH'")
                .hasMessageContaining("did you mean 'ack.deadlines.FLASH'");
    }

    @Test
    void load_tokenNamesChosenByOperator_areNotCheckedAsKeys() throws Exception {
        NodeConfig config = load(VALID.replace(
                "tokens: { \"t0ken\": { operator: alice, role: DUTY_OFFICER } }",
                "tokens: { \"any-name-at-all\": { operator: alice, role: DUTY_OFFICER } }"));

        assertThat(config.tokens()).containsOnlyKeys("any-name-at-all");
    }

    @Test
    void load_misspeltKeyInsideAToken_isRefusedWithoutShowingTheToken() {
        assertThatThrownBy(() -> load(VALID.replace("operator: alice", "operater: alice")))
                .hasMessageContaining("unknown key 'operator.tokens.<token>.operater'")
                .hasMessageContaining("did you mean 'operator.tokens.<token>.operator'")
                .hasMessageNotContaining("t0ken");
    }

    @Test
    void distance_oneTransposition_isTwoEdits() {
        assertThat(ConfigKeys.distance("linkTets", "linkTest")).isEqualTo(2);
        assertThat(ConfigKeys.distance("", "abc")).isEqualTo(3);
        assertThat(ConfigKeys.distance("same", "same")).isZero();
    }

    @Test
    void toString_tokensAndStorePassword_redacted() throws Exception {
        NodeConfig config =
                load(VALID.replace("store: jdbc:sqlite:blue.db", "store: jdbc:sqlite:blue.db\nstorePassword: hunter2"));

        assertThat(config.toString())
                .doesNotContain("t0ken")
                .doesNotContain("hunter2")
                .contains("alice");
        assertThat(config.tokens().values().iterator().next().toString()).doesNotContain("t0ken");
    }

    @Test
    void load_hashedToken_keptAsHashAndPlainTokenStillAccepted() throws Exception {
        String hash = "sha256:" + "ab".repeat(32);
        NodeConfig config = load(VALID.replace("\"t0ken\"", "\"" + hash + "\""));

        assertThat(config.tokens()).containsOnlyKeys(hash);
    }

    @Test
    void load_malformedTokenHash_refusedWithWhatToWrite() {
        assertThatThrownBy(() -> load(VALID.replace("\"t0ken\"", "\"sha256:abc\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits")
                .hasMessageNotContaining("sha256:abc");
    }

    @Test
    void load_watchSection_readsFeedsSendModesAndSilence() throws Exception {
        Files.writeString(dir.resolve("parties.yaml"), "parties: { BLUE: [US], RED: [CN] }\n");
        NodeConfig config = load(VALID + """
                watch:
                  parties: parties.yaml
                  send: { UNSAFE: off, HOTLINE: auto }
                  feedSilentAfter: PT2M
                  feeds:
                    - { name: ais-tcp, kind: ais, url: "tcp://127.0.0.1:10110" }
                    - { name: dump1090, kind: beast, url: "tcp://127.0.0.1:30005" }
                    - { name: replay, kind: ais, file: "scenario.nmea", speed: 60 }
                """);

        WatchConfig watch = config.watch();
        assertThat(watch.enabled()).isTrue();
        assertThat(watch.mode(Level.UNSAFE)).isEqualTo(WatchConfig.SendMode.OFF);
        assertThat(watch.mode(Level.HOTLINE)).isEqualTo(WatchConfig.SendMode.AUTO);
        assertThat(watch.feedSilentAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(watch.feeds()).extracting(FeedSpec::name).containsExactly("ais-tcp", "dump1090", "replay");
        assertThat(watch.feeds().get(2).source())
                .isEqualTo(new FeedSource.Replay(dir.toAbsolutePath().resolve("scenario.nmea"), 60));
        assertThat(watch.encounter().parties().partyOfState()).containsEntry("CN", "RED");
    }

    @Test
    void load_udpFeedAllowFrom_readsAddressesAndNetworks() throws Exception {
        WatchConfig watch = load(VALID + """
                watch:
                  feeds:
                    - { name: ais-udp, kind: ais, url: "udp://0.0.0.0:10111", allowFrom: [192.0.2.7, "198.51.100.0/24"] }
                """).watch();

        FeedSource.Udp udp = (FeedSource.Udp) watch.feeds().getFirst().source();
        assertThat(udp.allowFrom()).extracting(Object::toString).containsExactly("192.0.2.7/32", "198.51.100.0/24");
        assertThat(udp.allows(java.net.InetAddress.getByAddress(new byte[] {(byte) 198, 51, 100, (byte) 200})))
                .isTrue();
        assertThat(udp.allows(java.net.InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 8})))
                .isFalse();
    }

    @Test
    void load_allowFromWrong_refusedWithWhatToWrite() {
        assertThatThrownBy(() -> load(VALID + """
                        watch:
                          feeds: [{ name: ais, kind: ais, url: "udp://0.0.0.0:10111", allowFrom: [receiver.example.org] }]
                        """))
                .hasMessageContaining("feed 'ais': allowFrom takes IP addresses, not host names");
        assertThatThrownBy(() -> load(VALID + """
                        watch:
                          feeds: [{ name: ais, kind: ais, url: "tcp://127.0.0.1:10110", allowFrom: [192.0.2.7] }]
                        """)).hasMessageContaining("allowFrom applies to udp:// feeds only");
        assertThatThrownBy(() -> load(VALID + """
                        watch:
                          feeds: [{ name: ais, kind: ais, url: "udp://0.0.0.0:10111", allowFrom: [] }]
                        """))
                .hasMessageContaining("watch.feeds.ais.allowFrom must be a non-empty list");
    }

    @Test
    void load_noWatchSection_watchOffWithDefaults() throws Exception {
        WatchConfig watch = load(VALID).watch();
        assertThat(watch.enabled()).isFalse();
        assertThat(watch.mode(Level.UNSAFE)).isEqualTo(WatchConfig.SendMode.DRAFT);
        assertThat(watch.mode(Level.HOTLINE)).isEqualTo(WatchConfig.SendMode.AUTO);
    }

    @Test
    void load_watchFeedWrong_refusedWithWhatToWrite() {
        assertThatThrownBy(() -> load(VALID + """
                        watch:
                          feeds: [{ name: ais, kind: nmea, url: "tcp://127.0.0.1:10110" }]
                        """))
                .hasMessageContaining("watch.feeds")
                .hasMessageContaining("ais, beast, sbs");
        assertThatThrownBy(() -> load(VALID + """
                        watch:
                          feeds: [{ name: ais, kind: ais, url: "tcp://127.0.0.1:10110", port: 3 }]
                        """)).hasMessageContaining("unknown key 'port'");
        assertThatThrownBy(() -> load(VALID + """
                        watch:
                          send: { HOTLINE: loud }
                        """))
                .hasMessageContaining("watch.send.HOTLINE must be auto, draft or off, not 'loud'");
    }

    @Test
    void load_kafkaFeed_readsTheClusterFeedAndNoPositionFeeds() throws Exception {
        WatchConfig watch = load(VALID + """
                watch:
                  feeds:
                    - { name: cluster, kind: kafka, bootstrap: "kafka1:9092,10.0.0.2:9093", topic: parley-incidents, group: parley-BLUE }
                """).watch();

        assertThat(watch.feeds()).isEmpty();
        assertThat(watch.cluster())
                .contains(new WatchConfig.ClusterFeed(
                        "cluster", "kafka1:9092,10.0.0.2:9093", "parley-incidents", "parley-BLUE"));
    }

    @Test
    void load_kafkaFeedWrong_refusedWithWhatToWrite() {
        assertThatThrownBy(() -> load(VALID + """
                        watch:
                          feeds:
                            - { name: cluster, kind: kafka, bootstrap: "kafka1:9092", topic: parley-incidents, group: parley-BLUE }
                            - { name: ais-tcp, kind: ais, url: "tcp://127.0.0.1:10110" }
                        """)).hasMessageContaining("cannot be combined with position feeds");
        assertThatThrownBy(() -> load(VALID + """
                        watch:
                          feeds: [{ name: cluster, kind: kafka, bootstrap: "kafka1:9092", topic: parley-incidents }]
                        """))
                .hasMessageContaining("group must name this node's own consumer group");
        assertThatThrownBy(() -> load(VALID + """
                        watch:
                          feeds: [{ name: cluster, kind: kafka, bootstrap: "kafka1", topic: t, group: g }]
                        """))
                .hasMessageContaining("bootstrap must list the brokers as host:port");
        assertThatThrownBy(() -> load(VALID + """
                        watch:
                          feeds: [{ name: cluster, kind: kafka, url: "tcp://kafka1:9092", topic: t, group: g }]
                        """)).hasMessageContaining("unknown key 'url'");
    }
}
