package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;
import org.parley.node.HotlineNode;
import picocli.CommandLine;

/** The duty officer's CLI (send, inbox, ack, status) against two running nodes. */
class OperatorCliIT {
    @TempDir
    Path root;

    private record Run(int exit, String out, String err) {}

    private static Run cli(HotlineNode node, String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--url",
                "https://127.0.0.1:" + node.operatorPort() + "/",
                "--token",
                token,
                "--ca",
                node.keysDir().resolve("ca.crt").toString()));
        CommandLine cli = ParleyCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void sendInboxAckStatus_againstRunningNodes_workEndToEnd() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            Run sent = cli(
                    nodes.blue,
                    TwoNodes.BLUE_OFFICER,
                    "send",
                    "--to",
                    "RED",
                    "--precedence",
                    "FLASH",
                    "--category",
                    "SAFETY",
                    "--text",
                    "Unsafe approach at 500 yd",
                    "--json");
            assertThat(sent.exit()).as(sent.err()).isZero();
            String id = OperatorClient.json().readTree(sent.out()).path("id").asText();

            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            cli(nodes.red, TwoNodes.RED_OFFICER, "inbox").out().contains(id));
            Run inbox = cli(nodes.red, TwoNodes.RED_OFFICER, "inbox");
            assertThat(inbox.out()).contains("FLASH").contains("RECEIVED").contains("Unsafe approach at 500 yd");

            Run ack = cli(nodes.red, TwoNodes.RED_OFFICER, "ack", id);
            assertThat(ack.exit()).as(ack.err()).isZero();
            assertThat(ack.out()).contains("acknowledged " + id + " as duty-officer");

            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode outbox = OperatorClient.json()
                        .readTree(cli(nodes.blue, TwoNodes.BLUE_OFFICER, "outbox", "--json")
                                .out());
                return outbox.path("messages").get(0).path("status").asText().equals("ACKNOWLEDGED");
            });

            Run status = cli(nodes.blue, TwoNodes.BLUE_OFFICER, "status");
            assertThat(status.exit()).isZero();
            assertThat(status.out()).contains("node BLUE (peer RED)").contains("link: ok");
        }
    }

    @Test
    void send_wrongPeerOrBadPrecedence_exitsOneWithReason() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            Run wrongPeer = cli(
                    nodes.blue,
                    TwoNodes.BLUE_OFFICER,
                    "send",
                    "--to",
                    "GREEN",
                    "--precedence",
                    "FLASH",
                    "--category",
                    "SAFETY",
                    "--text",
                    "x");
            assertThat(wrongPeer.exit()).isEqualTo(1);
            assertThat(wrongPeer.err()).contains("this node talks to RED, not GREEN");
            Run badPrecedence = cli(
                    nodes.blue,
                    TwoNodes.BLUE_OFFICER,
                    "send",
                    "--precedence",
                    "URGENT",
                    "--category",
                    "SAFETY",
                    "--text",
                    "x");
            assertThat(badPrecedence.exit()).isEqualTo(1);
            assertThat(badPrecedence.err()).contains("'precedence' must be one of");
        }
    }
}
