package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;
import org.parley.node.events.Alarm;

/**
 * Two running nodes cross-check each other's record at link tests; when one node's store is altered
 * behind its back, the other raises the alarm at the next link test.
 */
class LedgerCrossCheckIT {
    @TempDir
    Path root;

    @Test
    void linkTest_leafAlteredInPeerStore_otherNodeRaisesRewrittenAlarm() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            OperatorClient blue = nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER);
            for (int i = 0; i < 3; i++) {
                ObjectNode body = OperatorClient.json().createObjectNode();
                body.put("precedence", "ROUTINE").put("category", "ROUTINE").put("text", "entry " + i);
                blue.post("api/v1/messages", body);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> nodes.blue.ledgerSize() >= 6);

            // First link test: RED checks BLUE's head and countersigns it; nothing is wrong yet.
            assertThat(nodes.blue.linkTest()).isPresent();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> nodes.blue.alarms().isEmpty()
                            && nodes.red.alarms().isEmpty()
                            && nodes.blue.ledgerCountersigned() > 0);

            // Someone with access to BLUE's database rewrites the first leaf of its log.
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("blue/store.db"));
                    PreparedStatement update =
                            db.prepareStatement("UPDATE ledger_leaves SET leaf_hash = ? WHERE leaf_index = 0")) {
                update.setBytes(1, new byte[32]);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }

            assertThat(nodes.blue.linkTest()).isPresent();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> nodes.red.alarms().stream()
                            .anyMatch(a -> a.kind() == Alarm.Kind.PEER_RECORD_REWRITTEN
                                    && a.message().startsWith("FLASH peer record rewritten")));
        }
    }

    @Test
    void linkTest_peerLogTruncatedAndRegrown_otherNodeRaisesRewrittenAlarm() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            sendAndCountersign(nodes, 3);
            long size = nodes.blue.ledgerSize();

            // Cut BLUE's log back to two leaves and grow it past its old size with other entries, as
            // someone hiding what was said would have to (the tree size alone then looks fine).
            try (Connection db = blueStore();
                    PreparedStatement cut = db.prepareStatement("DELETE FROM ledger_leaves WHERE leaf_index >= 2");
                    PreparedStatement grow =
                            db.prepareStatement("INSERT INTO ledger_leaves (leaf_index, leaf_hash) VALUES (?, ?)")) {
                assertThat(cut.executeUpdate()).isEqualTo((int) size - 2);
                for (long i = 2; i < size + 2; i++) {
                    grow.setLong(1, i);
                    grow.setBytes(
                            2,
                            org.parley.ledger.MerkleHash.ofLeafData(new byte[] {(byte) i})
                                    .toBytes());
                    grow.executeUpdate();
                }
            }

            assertThat(nodes.blue.linkTest()).isPresent();
            awaitRewrittenAlarm(nodes);
        }
    }

    @Test
    void linkTest_afterBothNodesRestartAndLeafAltered_otherNodeStillRaisesAlarm() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            sendAndCountersign(nodes, 2);

            // RED's countersigned copy of BLUE's head must survive a restart: it is the baseline.
            nodes.restart();
            try (Connection db = blueStore();
                    PreparedStatement update =
                            db.prepareStatement("UPDATE ledger_leaves SET leaf_hash = ? WHERE leaf_index = 1")) {
                update.setBytes(1, new byte[32]);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }

            assertThat(nodes.blue.linkTest()).isPresent();
            awaitRewrittenAlarm(nodes);
        }
    }

    @Test
    void ledgerProofAndVerify_deliveredEnvelope_bundleVerifiesOfflineAndAuditSeesTampering() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            String id = sendAndCountersign(nodes, 2);
            Path bundle = root.resolve("bundle.json");
            Path blueConfig = root.resolve("blue.yaml");

            CliRun proof = CliRun.of(
                    "ledger", "proof", "--config", blueConfig.toString(), "--envelope", id, "--out", bundle.toString());
            assertThat(proof.code()).as(proof.err()).isZero();
            assertThat(proof.out()).contains("wrote the proof bundle of " + id).contains("countersigned by RED");

            // Offline, with nothing but the two parties' CA certificates.
            CliRun verify = CliRun.of(
                    "ledger",
                    "verify",
                    bundle.toString(),
                    "--peer-ca",
                    root.resolve("red/keys/ca.crt").toString(),
                    "--own-ca",
                    root.resolve("blue/keys/ca.crt").toString());
            assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
            assertThat(verify.out()).contains("VERIFIED, every check passed");

            CliRun audit = CliRun.of("ledger", "verify", "--config", blueConfig.toString());
            assertThat(audit.code()).as(audit.out() + audit.err()).isZero();
            assertThat(audit.out()).contains("VERIFIED: all");

            try (Connection db = blueStore();
                    PreparedStatement update =
                            db.prepareStatement("UPDATE ledger_leaves SET leaf_hash = ? WHERE leaf_index = 0")) {
                update.setBytes(1, new byte[32]);
                update.executeUpdate();
            }
            CliRun tampered = CliRun.of("ledger", "verify", "--config", blueConfig.toString());
            assertThat(tampered.code()).isEqualTo(1);
            assertThat(tampered.out()).contains("a leaf was changed").contains("NOT VERIFIED");

            CliRun unknown = CliRun.of(
                    "ledger",
                    "proof",
                    "--config",
                    blueConfig.toString(),
                    "--envelope",
                    "0192f000-0000-7000-8000-000000000000",
                    "--out",
                    root.resolve("none.json").toString());
            assertThat(unknown.code()).isNotZero();
            assertThat(unknown.err()).contains("0192f000-0000-7000-8000-000000000000");
            assertThat(root.resolve("none.json")).doesNotExist();
        }
    }

    /** BLUE sends {@code count} messages, then a link test gets BLUE's head countersigned by RED. */
    private static String sendAndCountersign(TwoNodes nodes, int count) {
        OperatorClient blue = nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER);
        String id = "";
        for (int i = 0; i < count; i++) {
            ObjectNode body = OperatorClient.json().createObjectNode();
            body.put("precedence", "ROUTINE").put("category", "ROUTINE").put("text", "entry " + i);
            id = blue.post("api/v1/messages", body).get("id").asText();
        }
        // Each message: the envelope and RED's receipt on BLUE's record.
        await().atMost(Duration.ofSeconds(20)).until(() -> nodes.blue.ledgerSize() >= 2L * count);
        int before = nodes.blue.ledgerCountersigned();
        assertThat(nodes.blue.linkTest()).isPresent();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> nodes.blue.ledgerCountersigned() > before
                        && nodes.blue.alarms().isEmpty()
                        && nodes.red.alarms().isEmpty());
        return id;
    }

    private static void awaitRewrittenAlarm(TwoNodes nodes) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> nodes.red.alarms().stream()
                        .anyMatch(a -> a.kind() == Alarm.Kind.PEER_RECORD_REWRITTEN
                                && a.message().startsWith("FLASH peer record rewritten")));
    }

    private Connection blueStore() throws java.sql.SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + root.resolve("blue/store.db"));
    }
}
