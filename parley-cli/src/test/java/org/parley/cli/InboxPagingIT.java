package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;
import org.parley.crypto.PartyIdentity;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import org.parley.node.NodeConfigFile;
import org.parley.node.events.Alarm;
import org.parley.store.Store;
import org.parley.testing.Ports;
import org.parley.testing.TestClock;
import org.parley.testing.YearOfTraffic;
import org.parley.wire.Envelope;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16 through the operator API of two real nodes: RED's store already holds a year of BLUE's
 * acknowledged traffic (100,001 messages); a FLASH BLUE sends now is the one row of RED's
 * {@code GET /api/v1/inbox?limit=1}, and when nobody acknowledges it, it still escalates after
 * RED restarts. On SQLite and on PostgreSQL (RED's store; BLUE's is SQLite in both).
 */
class InboxPagingIT {
    private static final Logger LOG = LoggerFactory.getLogger(InboxPagingIT.class);
    private static final String BLUE_OFFICER = "blue-officer";
    private static final String RED_OFFICER = "red-officer";

    @TempDir
    Path root;

    private final TestClock clock = new TestClock(Instant.now());
    private final SecureRandom random = new SecureRandom();

    @Test
    void inboxLimitOne_flashAfterAYearOfTraffic_sqlite_isFirstAndEscalatesAfterRestart() throws Exception {
        run("store: jdbc:sqlite:" + root.resolve("red/store.db"));
    }

    @Test
    void inboxLimitOne_flashAfterAYearOfTraffic_postgres_isFirstAndEscalatesAfterRestart() throws Exception {
        String schema = "it_inbox_paging_" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
        try {
            run("store: " + env("PARLEY_PG_URL", "jdbc:postgresql://127.0.0.1:5432/parley") + "\nstoreUser: "
                    + env("PARLEY_PG_USER", "parley") + "\nstorePassword: " + env("PARLEY_PG_PASSWORD", "parley")
                    + "\nstoreSchema: " + schema);
        } finally {
            dropSchema(schema);
        }
    }

    private void run(String redStore) throws Exception {
        PartyIdentity blue = identities();
        int blueFed = Ports.freePort();
        int redFed = Ports.freePort();
        Path blueConfig = NodeConfigFile.of("BLUE", "RED")
                .keys("blue/keys")
                .sqlite(root.resolve("blue/store.db"))
                .federation(blueFed, redFed)
                .token(BLUE_OFFICER, "alice", "DUTY_OFFICER")
                .write(root.resolve("blue.yaml"));
        Path redConfig = NodeConfigFile.of("RED", "BLUE")
                .keys("red/keys")
                .storeLines(redStore)
                .federation(redFed, blueFed)
                .token(RED_OFFICER, "li", "DUTY_OFFICER")
                .write(root.resolve("red.yaml"));
        loadYearOfTraffic(NodeConfig.load(redConfig), blue);
        HotlineNode blueNode = HotlineNode.start(NodeConfig.load(blueConfig), clock, random);
        HotlineNode redNode = HotlineNode.start(NodeConfig.load(redConfig), clock, random);
        try {
            String flash = send(client(blueNode, BLUE_OFFICER), "Crossing your bow at 150 yd; alter to starboard.");
            OperatorClient red = client(redNode, RED_OFFICER);
            await().atMost(Duration.ofSeconds(20)).until(() -> firstId(red).equals(flash));
            long start = System.nanoTime();
            JsonNode page = red.get("api/v1/inbox?limit=1");
            LOG.info(
                    "GET /api/v1/inbox?limit=1 over {} messages on {}: {} ms",
                    YearOfTraffic.MESSAGES + 1,
                    redNode.storeEngine(),
                    (System.nanoTime() - start) / 1_000_000);
            assertThat(page.path("messages")).singleElement().satisfies(m -> {
                assertThat(m.path("id").asText()).isEqualTo(flash);
                assertThat(m.path("precedence").asText()).isEqualTo("FLASH");
                assertThat(m.path("status").asText()).isEqualTo("RECEIVED");
            });

            redNode.close();
            redNode = HotlineNode.start(NodeConfig.load(redConfig), clock, random);
            clock.advance(Precedence.FLASH.defaultAckDeadline().plusSeconds(1));
            HotlineNode restarted = redNode;
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> restarted.alarms().stream()
                            .anyMatch(a -> a.kind() == Alarm.Kind.ESCALATION
                                    && a.message().contains(flash)));
            JsonNode after = client(restarted, RED_OFFICER).get("api/v1/inbox?limit=1");
            assertThat(after.path("messages").get(0).path("status").asText()).isEqualTo("OVERDUE");
            assertThat(restarted.alarms())
                    .filteredOn(a -> a.kind() == Alarm.Kind.ESCALATION)
                    .allMatch(a -> a.message().contains(flash));
        } finally {
            redNode.close();
            blueNode.close();
        }
    }

    /** BLUE and RED keys that trust each other; returns BLUE's. */
    private PartyIdentity identities() throws IOException {
        List<String> hosts = List.of("localhost", "127.0.0.1");
        PartyIdentity b =
                PartyIdentity.init(root.resolve("blue/keys"), Party.of("BLUE"), hosts, Optional.empty(), clock, random);
        PartyIdentity r =
                PartyIdentity.init(root.resolve("red/keys"), Party.of("RED"), hosts, Optional.empty(), clock, random);
        b.trustPeerCa(Files.readAllBytes(r.directory().resolve("ca.crt")));
        r.trustPeerCa(Files.readAllBytes(b.directory().resolve("ca.crt")));
        return b;
    }

    /** A year of BLUE's ROUTINE messages, acknowledged by RED, in RED's store before RED starts. */
    private void loadYearOfTraffic(NodeConfig red, PartyIdentity blue) throws SQLException {
        Envelope envelope = Envelope.builder(clock, random)
                .from(Party.of("BLUE"))
                .to(Party.of("RED"))
                .precedence(Precedence.ROUTINE)
                .signer(blue.signer().keyId())
                .payload(new Payload.Text("weekly schedule"))
                .build();
        SignedEnvelope template = blue.signer().sign(envelope);
        long yearAgoMicros = clock.instant().minus(Duration.ofDays(365)).toEpochMilli() * 1000;
        try (Store store = HotlineNode.openStore(red, clock);
                Connection c = store.sharedDataSource().getConnection()) {
            c.setAutoCommit(false);
            YearOfTraffic.acknowledgedInbox(
                    c,
                    YearOfTraffic.MESSAGES,
                    "BLUE",
                    yearAgoMicros,
                    template.canonical().toByteArray(),
                    template.signature().toBase64Url(),
                    template.sha256Hex());
            c.commit();
        }
    }

    private static String send(OperatorClient api, String text) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", "FLASH").put("category", "SAFETY").put("text", text);
        return api.post("api/v1/messages", body).path("id").asText();
    }

    private static String firstId(OperatorClient api) {
        return api.get("api/v1/inbox?limit=1")
                .path("messages")
                .path(0)
                .path("id")
                .asText();
    }

    private static OperatorClient client(HotlineNode node, String token) {
        return new OperatorClient(
                URI.create("https://127.0.0.1:" + node.operatorPort() + "/"),
                token,
                node.keysDir().resolve("ca.crt"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(
                        env("PARLEY_PG_URL", "jdbc:postgresql://127.0.0.1:5432/parley"),
                        env("PARLEY_PG_USER", "parley"),
                        env("PARLEY_PG_PASSWORD", "parley"));
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }
}
