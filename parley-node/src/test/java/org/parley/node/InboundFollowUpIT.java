package org.parley.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.crypto.PartyIdentity;
import org.parley.node.messages.MessageView;
import org.parley.testing.Ports;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * Issue 19, item 3: what the node does after the inbox commit (ledger leaf, acknowledgment
 * recorded) is not lost for a batch because one envelope in it is bad. A real node on SQLite; RED
 * posts one hand-made batch over real mutual TLS.
 */
class InboundFollowUpIT {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final InstantSource CLOCK = InstantSource.system();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    /** BLUE's keys in root/keys (the node's) and RED's in root/red-keys, pinned to each other; RED's. */
    private PartyIdentity pinnedKeys() throws IOException {
        List<String> hosts = List.of("localhost", "127.0.0.1");
        PartyIdentity blue =
                PartyIdentity.init(root.resolve("keys"), Party.of("BLUE"), hosts, Optional.empty(), CLOCK, RANDOM);
        PartyIdentity red =
                PartyIdentity.init(root.resolve("red-keys"), Party.of("RED"), hosts, Optional.empty(), CLOCK, RANDOM);
        blue.pinEachOther(red);
        return red;
    }

    /** BLUE's node.yaml: SQLite store, federation on {@code federationPort}, operator alice. */
    private NodeConfig blueConfig(int federationPort) throws IOException {
        return NodeConfig.load(NodeConfigFile.of("BLUE", "RED")
                .keys("keys")
                .sqlite(root.resolve("blue.db"))
                .federation(federationPort, Ports.freePort())
                .operator(0)
                .token("t0ken", "alice", "DUTY_OFFICER")
                .write(root.resolve("node.yaml")));
    }

    @Test
    void post_batchOfBadLinkTestFlashAndAck_threeReceiptsAckRecordedTwoLeaves() throws Exception {
        PartyIdentity red = pinnedKeys();
        int federationPort = Ports.freePort();
        NodeConfig config = blueConfig(federationPort);
        try (HotlineNode node = HotlineNode.start(config, CLOCK, RANDOM)) {
            EnvelopeId ours =
                    node.messages().send(Precedence.FLASH, Category.SAFETY, new Payload.Text("keep clear"), "alice");
            long leavesBefore = node.ledgerSize();
            List<Envelope> batch = List.of(
                    draft(red, Precedence.IMMEDIATE, Category.LINKTEST)
                            .payload(new Payload.LinkTest("00aa", CLOCK.instant(), Optional.of("x")))
                            .build(),
                    draft(red, Precedence.FLASH, Category.SAFETY)
                            .payload(new Payload.Text("unsafe crossing"))
                            .build(),
                    draft(red, Precedence.FLASH, Category.ACK)
                            .inReplyTo(ours)
                            .payload(new Payload.Ack(ours, "duty-officer", CLOCK.instant()))
                            .build());

            JsonNode answer = post(red, federationPort, batch);

            assertThat(answer.path("results")).hasSize(3).allMatch(r -> r.has("receipt"));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(node.messages().find(ours))
                            .get()
                            .extracting(MessageView::status)
                            .isEqualTo(MessageView.Status.ACKNOWLEDGED));
            assertThat(node.ledgerSize() - leavesBefore)
                    .as("FLASH and ACK on the ledger")
                    .isEqualTo(2);
        }
    }

    @Test
    void start_ackWhoseFollowUpACrashCutShort_recordedAtStartWithoutASecondLeaf() throws Exception {
        PartyIdentity red = pinnedKeys();
        int federationPort = Ports.freePort();
        NodeConfig config = blueConfig(federationPort);
        EnvelopeId ours;
        Envelope ack;
        long leaves;
        try (HotlineNode node = HotlineNode.start(config, CLOCK, RANDOM)) {
            ours = node.messages().send(Precedence.FLASH, Category.SAFETY, new Payload.Text("keep clear"), "alice");
            ack = draft(red, Precedence.FLASH, Category.ACK)
                    .inReplyTo(ours)
                    .payload(new Payload.Ack(ours, "duty-officer", CLOCK.instant()))
                    .build();
            post(red, federationPort, List.of(ack));
            await().atMost(Duration.ofSeconds(5)).until(() -> status(node, ours) == MessageView.Status.ACKNOWLEDGED);
            leaves = node.ledgerSize();
        }
        // What a crash after the inbox commit leaves behind: the ACK stored and receipted, its
        // acknowledgment not recorded, its follow-up pending.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("blue.db"));
                Statement sql = db.createStatement()) {
            assertThat(sql.executeUpdate("DELETE FROM acknowledgments WHERE direction = 'RECEIVED'"))
                    .isEqualTo(1);
            sql.executeUpdate(
                    "INSERT INTO inbox_follow_up (from_party, envelope_id) VALUES ('RED', '" + ack.id() + "')");
        }

        try (HotlineNode node = HotlineNode.start(config, CLOCK, RANDOM)) {
            assertThat(status(node, ours)).isEqualTo(MessageView.Status.ACKNOWLEDGED);
            assertThat(node.ledgerSize()).as("no second leaf for the ACK").isEqualTo(leaves);
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("blue.db"));
                Statement sql = db.createStatement();
                ResultSet pending = sql.executeQuery("SELECT count(*) FROM inbox_follow_up")) {
            assertThat(pending.next()).isTrue();
            assertThat(pending.getInt(1)).isZero();
        }
    }

    private static MessageView.Status status(HotlineNode node, EnvelopeId id) {
        return node.messages().find(id).orElseThrow().status();
    }

    private static Envelope.Builder draft(PartyIdentity from, Precedence precedence, Category category) {
        return Envelope.builder(CLOCK, RANDOM)
                .from(from.party())
                .to(from.verifier().peerParty())
                .precedence(precedence)
                .category(category)
                .signer(from.signer().keyId());
    }

    private static JsonNode post(PartyIdentity from, int port, List<Envelope> envelopes) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("certificates").add(from.signer().certificatePem());
        ArrayNode frames = body.putArray("envelopes");
        for (Envelope envelope : envelopes) {
            frames.add(Base64.getEncoder()
                    .encodeToString(EnvelopeCodec.frame(from.signer().sign(envelope))));
        }
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(new String[] {"TLSv1.3"});
        try (HttpClient client = HttpClient.newBuilder()
                .sslContext(from.sslContext())
                .sslParameters(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .build()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/federation/v1/envelopes"))
                            .timeout(Duration.ofSeconds(20))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }
}
