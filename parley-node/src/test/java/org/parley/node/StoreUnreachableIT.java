package org.parley.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.PartyIdentity;
import org.parley.node.events.Alarm;
import org.parley.node.messages.MessageService;
import org.parley.node.messages.MessageView;
import org.parley.testing.Ports;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * Issue 20, the store out of reach: BLUE's store is the machine's real PostgreSQL, reached through a
 * TCP relay that the test cuts for {@link #OUTAGE} and restores, while RED (on SQLite) keeps
 * sending. BLUE must refuse a send within a few seconds with 503 saying nothing was accepted, raise
 * one STORE_UNREACHABLE alarm, then STORE_REACHABLE when the store answers, and lose nothing: what
 * both sides accepted before and during the outage is delivered afterwards, by delivery loops that
 * went on by themselves.
 */
class StoreUnreachableIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration OUTAGE = Duration.ofSeconds(8);
    /** The pool's connection wait (3 s) and some slack for a loaded machine. */
    private static final Duration PROMPT = Duration.ofSeconds(5);
    /** The probe's period (1 s) + the pool's connection wait (3 s) + slack. */
    private static final Duration ALARM_WITHIN = Duration.ofSeconds(6);

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(\\w+).*");
    private static final String PG_URL = env("PARLEY_PG_URL", "jdbc:postgresql://127.0.0.1:5432/parley");
    private static final String PG_USER = env("PARLEY_PG_USER", "parley");
    private static final String PG_PASSWORD = env("PARLEY_PG_PASSWORD", "parley");

    @TempDir
    Path root;

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Test
    void send_postgresCutFor8s_503PromptlyOneAlarmEachWayAndEverythingDelivered() throws Exception {
        Matcher m = URL.matcher(PG_URL);
        assertThat(m.matches())
                .as("PARLEY_PG_URL " + PG_URL + " is jdbc:postgresql://host[:port]/database")
                .isTrue();
        String schema = "it_unreachable_" + Long.toHexString(RANDOM.nextLong() & 0xffffffffL);
        int bluePort = Ports.freePort();
        int redPort = Ports.freePort();
        try (CuttableProxy proxy =
                        CuttableProxy.to(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
                HotlineNode blue = HotlineNode.start(
                        config("BLUE", "RED", bluePort, redPort, storeLines(proxy, m, schema)),
                        InstantSource.system(),
                        RANDOM);
                HotlineNode red = HotlineNode.start(
                        config("RED", "BLUE", redPort, bluePort, "store: jdbc:sqlite:" + root.resolve("red.db")),
                        InstantSource.system(),
                        RANDOM)) {
            List<EnvelopeId> blueSent = new ArrayList<>(sendSome(blue, "before", 4));
            List<EnvelopeId> redSent = new ArrayList<>(sendSome(red, "before", 4));

            Instant cut = Instant.now();
            proxy.cut();
            redSent.addAll(sendSome(red, "during", 4));
            // A send may still get through in the moment the cut takes hold (the full verify saw one
            // committed on a pooled connection): it is accepted, so it counts as sent; the next is
            // refused.
            Instant asked = Instant.now();
            MessageService.Refused refused = null;
            for (int attempt = 0; attempt < 3 && refused == null; attempt++) {
                asked = Instant.now();
                try {
                    blueSent.add(blue.messages()
                            .send(Precedence.FLASH, Category.SAFETY, new Payload.Text("during " + attempt), "alice"));
                } catch (MessageService.Refused e) {
                    refused = e;
                }
            }
            Duration answeredIn = Duration.between(asked, Instant.now());
            await().atMost(ALARM_WITHIN)
                    .until(() -> first(blue, Alarm.Kind.STORE_UNREACHABLE).isPresent());
            Duration alarmedIn = Duration.between(
                    cut, first(blue, Alarm.Kind.STORE_UNREACHABLE).orElseThrow());
            Thread.sleep(OUTAGE.minus(Duration.between(cut, Instant.now())).toMillis());
            Instant restored = Instant.now();
            proxy.restore();
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> first(blue, Alarm.Kind.STORE_REACHABLE).isPresent());
            blueSent.addAll(sendSome(blue, "after", 2));

            assertThat(refused).as("BLUE's send during the outage").isNotNull();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.getMessage()).contains("cannot be reached", "NOT accepted");
            assertThat(answeredIn).as("how long the refused send took").isLessThanOrEqualTo(PROMPT);
            assertThat(alarmedIn).as("STORE_UNREACHABLE after the cut").isLessThanOrEqualTo(ALARM_WITHIN);
            assertThat(blue.alarms())
                    .extracting(Alarm::kind)
                    .filteredOn(k -> k == Alarm.Kind.STORE_UNREACHABLE || k == Alarm.Kind.STORE_REACHABLE)
                    .containsExactly(Alarm.Kind.STORE_UNREACHABLE, Alarm.Kind.STORE_REACHABLE);
            // Both ways, everything accepted arrives once, and BLUE's outbox has every receipt.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(ids(red.messages().inbox(0, 100))).containsExactlyInAnyOrderElementsOf(blueSent);
                assertThat(ids(blue.messages().inbox(0, 100))).containsExactlyInAnyOrderElementsOf(redSent);
                assertThat(blue.messages().outbox(0, 100))
                        .extracting(MessageView::status)
                        .hasSize(blueSent.size())
                        .doesNotContain(MessageView.Status.SENT);
            });
            System.out.printf(
                    "store unreachable: send refused with 503 after %d ms, STORE_UNREACHABLE %d ms after the cut,"
                            + " STORE_REACHABLE %d ms after the restore%n",
                    answeredIn.toMillis(),
                    alarmedIn.toMillis(),
                    Duration.between(
                                    restored,
                                    first(blue, Alarm.Kind.STORE_REACHABLE).orElseThrow())
                            .toMillis());
        } finally {
            dropSchema(schema);
        }
    }

    private static List<EnvelopeId> sendSome(HotlineNode node, String tag, int count) {
        List<EnvelopeId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Precedence p = i % 2 == 0 ? Precedence.FLASH : Precedence.ROUTINE;
            Category c = p == Precedence.FLASH ? Category.SAFETY : Category.ROUTINE;
            ids.add(node.messages().send(p, c, new Payload.Text(tag + " " + i), "alice"));
        }
        return ids;
    }

    private static List<EnvelopeId> ids(List<MessageView> views) {
        return views.stream().map(MessageView::id).toList();
    }

    private static Optional<Instant> first(HotlineNode node, Alarm.Kind kind) {
        return node.alarms().stream()
                .filter(a -> a.kind() == kind)
                .map(Alarm::at)
                .min(Instant::compareTo);
    }

    private static String storeLines(CuttableProxy proxy, Matcher m, String schema) {
        return "store: jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + m.group(3) + "\nstoreUser: " + PG_USER
                + "\nstorePassword: " + PG_PASSWORD + "\nstoreSchema: " + schema;
    }

    private NodeConfig config(String party, String peer, int port, int peerPort, String store) throws IOException {
        Path dir = root.resolve(party.toLowerCase(java.util.Locale.ROOT));
        java.nio.file.Files.createDirectories(dir);
        if (!java.nio.file.Files.exists(root.resolve("blue/keys"))) {
            List<String> hosts = List.of("localhost", "127.0.0.1");
            PartyIdentity b = PartyIdentity.init(
                    root.resolve("blue/keys"),
                    Party.of("BLUE"),
                    hosts,
                    Optional.empty(),
                    InstantSource.system(),
                    RANDOM);
            PartyIdentity r = PartyIdentity.init(
                    root.resolve("red/keys"), Party.of("RED"), hosts, Optional.empty(), InstantSource.system(), RANDOM);
            b.pinEachOther(r);
        }
        return NodeConfig.load(NodeConfigFile.of(party, peer)
                .keys("keys")
                .storeLines(store)
                .federation(port, peerPort)
                .operator(0)
                .linkTest("{ interval: PT2S, timeout: PT2S, missesForAlarm: 3 }")
                .token("t0ken", "alice", "DUTY_OFFICER")
                .write(dir.resolve("node.yaml")));
    }

    private static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop the test schema " + schema + ": " + e.getMessage());
        }
    }
}
