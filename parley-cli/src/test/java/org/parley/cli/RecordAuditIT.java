package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;

/**
 * Issue 19, item 16: an insider rewrites the text of a received FLASH in the node's own database.
 * The offline audit ({@code ledger verify --config}) fails and names the row, and the node finds it
 * on its own and raises an alarm naming it.
 */
class RecordAuditIT {
    @TempDir
    Path root;

    @Test
    void ledgerVerifyConfig_receivedFlashTextRewrittenInDatabase_failsNamingTheRowAndNodeAlarms() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            ObjectNode body = OperatorClient.json().createObjectNode();
            body.put("precedence", "FLASH").put("category", "SAFETY").put("text", "turn away to the east now");
            String id = nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER)
                    .post("api/v1/messages", body)
                    .get("id")
                    .asText();
            OperatorClient red = nodes.client(nodes.red, TwoNodes.RED_OFFICER);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> red.get("api/v1/inbox").toString().contains(id) && nodes.red.ledgerSize() >= 1);

            CliRun clean = CliRun.of(
                    "ledger", "verify", "--config", root.resolve("red.yaml").toString());
            assertThat(clean.code()).as(clean.out() + clean.err()).isZero();

            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + root.resolve("red/store.db"))) {
                byte[] canonical;
                try (PreparedStatement read =
                        db.prepareStatement("SELECT canonical FROM inbox WHERE envelope_id = ?")) {
                    read.setString(1, id);
                    try (ResultSet row = read.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        canonical = row.getBytes(1);
                    }
                }
                String rewritten = new String(canonical, StandardCharsets.UTF_8)
                        .replace("turn away to the east now", "turn away to the west now");
                try (PreparedStatement update =
                        db.prepareStatement("UPDATE inbox SET canonical = ? WHERE envelope_id = ?")) {
                    update.setBytes(1, rewritten.getBytes(StandardCharsets.UTF_8));
                    update.setString(2, id);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
            }
            assertThat(red.get("api/v1/messages/" + id).path("text").asText()).contains("west");

            CliRun tampered = CliRun.of(
                    "ledger", "verify", "--config", root.resolve("red.yaml").toString());
            assertThat(tampered.code()).as(tampered.out() + tampered.err()).isEqualTo(1);
            assertThat(tampered.out()).contains("NOT VERIFIED").contains(id).contains("inbox");

            // The node checks its stored records when it starts (and on a schedule after that).
            nodes.restart();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> nodes.red.alarms().stream()
                            .anyMatch(
                                    a -> a.message().contains(id) && a.message().contains("inbox")));
            assertThat(nodes.blue.alarms()).noneMatch(a -> a.message().contains(id));
        }
    }
}
