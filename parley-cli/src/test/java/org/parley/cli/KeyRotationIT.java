package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;

/**
 * Issue 19, item 7, over real mutual TLS: both parties rotate their signing keys while their nodes
 * run, a FLASH goes through, both nodes restart on the new keys, traffic flows both ways and the
 * record is countersigned again, and an envelope from before the rotation is still proved and
 * verified offline; both stores still pass the audit.
 */
class KeyRotationIT {
    @TempDir
    Path root;

    @Test
    void rotate_bothNodesWhileRunning_oldEnvelopeStillProvedAndVerifiedAfterRestart() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            String before = send(nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER), "before the rotation");
            awaitDelivered(nodes, before);
            countersign(nodes);

            for (String party : new String[] {"blue", "red"}) {
                CliRun rotate = CliRun.of(
                        "keys", "rotate", "--dir", root.resolve(party + "/keys").toString());
                assertThat(rotate.code()).as(rotate.err()).isZero();
            }
            String during = send(nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER), "after the rotation");
            awaitDelivered(nodes, during);

            nodes.restart();
            String after = send(nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER), "after the restart");
            awaitDelivered(nodes, after);
            String answer = send(nodes.client(nodes.red, TwoNodes.RED_OFFICER), "red after the restart");
            OperatorClient blueApi = nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> blueApi.get("api/v1/inbox").toString().contains(answer));
            countersign(nodes);
            assertThat(nodes.blue.alarms()).isEmpty();
            assertThat(nodes.red.alarms()).isEmpty();

            for (String id : new String[] {before, after}) {
                Path bundle = root.resolve(id + ".json");
                CliRun proof = CliRun.of(
                        "ledger",
                        "proof",
                        "--config",
                        root.resolve("blue.yaml").toString(),
                        "--envelope",
                        id,
                        "--out",
                        bundle.toString());
                assertThat(proof.code()).as(proof.err()).isZero();
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
            }
            for (String config : new String[] {"blue.yaml", "red.yaml"}) {
                CliRun audit = CliRun.of(
                        "ledger", "verify", "--config", root.resolve(config).toString());
                assertThat(audit.code())
                        .as(config + ": " + audit.out() + audit.err())
                        .isZero();
                assertThat(audit.out()).contains("VERIFIED");
            }
        }
    }

    private static String send(OperatorClient api, String text) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", "FLASH").put("category", "SAFETY").put("text", text);
        return api.post("api/v1/messages", body).get("id").asText();
    }

    /** RED has stored BLUE's message {@code id}. */
    private static void awaitDelivered(TwoNodes nodes, String id) {
        OperatorClient red = nodes.client(nodes.red, TwoNodes.RED_OFFICER);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> red.get("api/v1/inbox").toString().contains(id));
    }

    /** A link test each way gets each node's latest head countersigned by the other. */
    private static void countersign(TwoNodes nodes) {
        int blue = nodes.blue.ledgerCountersigned();
        int red = nodes.red.ledgerCountersigned();
        assertThat(nodes.blue.linkTest()).isPresent();
        assertThat(nodes.red.linkTest()).isPresent();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> nodes.blue.ledgerCountersigned() > blue && nodes.red.ledgerCountersigned() > red);
    }
}
