package org.parley.node;

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
}
