package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;

/**
 * Issue 11 through two running nodes: requests for talks and their answers (or silence) as signed
 * envelopes that both nodes record alike, a blanket suspension that closes DIALOGUE and ROUTINE
 * while a FLASH SAFETY message still goes through and is acknowledged, and refusals that store
 * nothing.
 */
class DialogueNodeIT {
    @TempDir
    Path root;

    @Test
    void dialogueAndSuspension_twoNodes_sameRecordAndSafetyChannelStaysOpen() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            OperatorClient blue = nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER);
            OperatorClient red = nodes.client(nodes.red, TwoNodes.RED_OFFICER);
            // Requests for talks, answers and channel notices need a watch supervisor or an admin.
            OperatorClient blueBoss = nodes.client(nodes.blue, TwoNodes.BLUE_ADMIN);
            OperatorClient redBoss = nodes.client(nodes.red, TwoNodes.RED_SUPERVISOR);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            String accepted = request(blueBoss, "MINISTERS", "maritime safety", now.plus(Duration.ofDays(3)), "P7D");
            String declined =
                    request(blueBoss, "CHIEFS_OF_DEFENCE", "air encounters", now.plus(Duration.ofDays(4)), "P7D");
            String silent =
                    request(blueBoss, "THEATRE_COMMANDERS", "unsafe intercepts", now.plus(Duration.ofDays(5)), "PT4S");
            await().atMost(Duration.ofSeconds(20)).until(() -> requests(red).size() == 3);

            answer(
                    redBoss,
                    accepted,
                    "ACCEPT",
                    "meeting",
                    now.plus(Duration.ofDays(3)).toString());
            answer(redBoss, declined, "DECLINE", "reason", "the timing is not appropriate");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> status(blue, accepted).equals("ACCEPTED")
                            && status(blue, declined).equals("DECLINED"));
            // Silence is recorded by each ledger from the deadline both hold, with no envelope.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> status(blue, silent).equals("NO_RESPONSE")
                            && status(red, silent).equals("NO_RESPONSE"));

            JsonNode blueTotal = blue.get("api/v1/dialogue/stats?period=YEAR").path("total");
            JsonNode redTotal = red.get("api/v1/dialogue/stats?period=YEAR").path("total");
            assertThat(blueTotal.path("sent").asInt()).isEqualTo(3);
            assertThat(blueTotal.path("accepted").asInt()).isEqualTo(1);
            assertThat(blueTotal.path("declined").asInt()).isEqualTo(1);
            assertThat(blueTotal.path("unanswered").asInt()).isEqualTo(1);
            assertThat(redTotal).isEqualTo(blueTotal);

            // Answering again, or answering a request nobody made: refused, nothing stored.
            assertThatThrownBy(() -> answer(redBoss, declined, "ACCEPT", "meeting", now.toString()))
                    .isInstanceOf(OperatorClient.ApiException.class)
                    .hasMessageContaining(declined);
            assertThatThrownBy(() -> answer(redBoss, "0192f000-0000-7000-8000-000000000000", "DECLINE", "reason", "no"))
                    .isInstanceOf(OperatorClient.ApiException.class)
                    .hasMessageContaining("unknown request");

            // A notice that would close the safety channel is refused whole.
            assertThatThrownBy(() -> notice(redBoss, "SUSPEND", "no talks", "DIALOGUE", "SAFETY"))
                    .isInstanceOf(OperatorClient.ApiException.class)
                    .hasMessageContaining("SAFETY")
                    .satisfies(e ->
                            assertThat(((OperatorClient.ApiException) e).status).isEqualTo(422));
            assertThat(red.get("api/v1/channel-notices").path("notices")).isEmpty();

            // RED suspends every suspendable category; BLUE's node learns it from the signed notice.
            notice(redBoss, "SUSPEND", "all military channels suspended", "DIALOGUE", "ROUTINE");
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            blue.get("api/v1/channel-notices").path("suspended").size() == 2);

            assertThatThrownBy(() -> send(blue, "ROUTINE", "ROUTINE", "port visit schedule"))
                    .isInstanceOf(OperatorClient.ApiException.class)
                    .hasMessageContaining("ROUTINE is suspended by RED");
            assertThatThrownBy(() ->
                            request(blueBoss, "WORKING_LEVEL", "resume talks", now.plus(Duration.ofDays(9)), "P7D"))
                    .isInstanceOf(OperatorClient.ApiException.class)
                    .hasMessageContaining("DIALOGUE is suspended by RED");
            assertThat(requests(blue)).hasSize(3);

            // The safety message is a phrasebook message: each side reads it in its own language.
            assertThat(blue.get("api/v1/phrasebook").path("phrases").size()).isGreaterThanOrEqualTo(60);
            String safety = phrases(blue, "MOU.AIR.TOO_CLOSE", "distance", "20ft", "J-11 at our wingtip");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> messageStatus(red, safety).equals("RECEIVED"));
            JsonNode onRed = red.get("api/v1/messages/" + safety);
            assertThat(onRed.path("text").asText()).contains("20").contains("J-11 at our wingtip");
            assertThat(onRed.path("textZh").asText())
                    .containsPattern("\\p{IsHan}")
                    .contains("J-11 at our wingtip");
            assertThatThrownBy(() -> phrases(blue, "MOU.AIR.NO_SUCH_PHRASE", "distance", "20ft", ""))
                    .hasMessageContaining("MOU.AIR.NO_SUCH_PHRASE")
                    .satisfies(e ->
                            assertThat(((OperatorClient.ApiException) e).status).isEqualTo(400));
            red.post("api/v1/messages/" + safety + "/ack", OperatorClient.json().createObjectNode());
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> messageStatus(blue, safety).equals("ACKNOWLEDGED"));

            // Resumed by the party that suspended: the channel reopens on both nodes.
            notice(redBoss, "RESUME", "channels restored", "DIALOGUE", "ROUTINE");
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            blue.get("api/v1/channel-notices").path("suspended").isEmpty());
            assertThat(send(blue, "ROUTINE", "ROUTINE", "port visit schedule")).isNotEmpty();
        }
    }

    @Test
    void dialogueCli_throughNodes_requestListedByPeerAndSafetySuspensionRefused() throws Exception {
        try (TwoNodes nodes = new TwoNodes(root, InstantSource.system(), "PT30M")) {
            // The nodes' operator APIs listen on ephemeral ports, so the CLI is told where.
            String blue = root.resolve("blue.yaml").toString();
            String blueUrl = "https://127.0.0.1:" + nodes.blue.operatorPort() + "/";
            String red = root.resolve("red.yaml").toString();
            String redUrl = "https://127.0.0.1:" + nodes.red.operatorPort() + "/";
            assertThat(nodes.red.dialogue().entries()).isEmpty();

            CliRun requested = CliRun.of(
                    "dialogue",
                    "request",
                    "--config",
                    blue,
                    "--url",
                    blueUrl,
                    "--token",
                    TwoNodes.BLUE_ADMIN,
                    "--level",
                    "WORKING_LEVEL",
                    "--topic",
                    "hotline test schedule",
                    "--propose",
                    "2027-01-10T02:00:00Z",
                    "--deadline-days",
                    "3");
            assertThat(requested.code()).as(requested.err()).isZero();
            assertThat(requested.out()).contains("requested ").contains("signed envelope");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> CliRun.of("dialogue", "list", "--config", red, "--url", redUrl)
                            .out()
                            .contains("hotline test schedule"));

            CliRun refused = suspend(red, redUrl, "DIALOGUE,SAFETY", "x");
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("refused").contains("SAFETY");

            // A suspension that takes effect later: ROUTINE still flows until then, not after.
            Instant later = Instant.now().plusSeconds(3);
            CliRun suspend = suspend(red, redUrl, "ROUTINE", "exercise period", "--effective", later.toString());
            assertThat(suspend.code()).as(suspend.err()).isZero();
            OperatorClient blueApi = nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> blueApi.get("api/v1/channel-notices")
                                    .path("notices")
                                    .size()
                            == 1);
            assertThat(send(blueApi, "ROUTINE", "ROUTINE", "before the suspension"))
                    .isNotEmpty();
            await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(later));
            assertThatThrownBy(() -> send(blueApi, "ROUTINE", "ROUTINE", "after it"))
                    .hasMessageContaining("ROUTINE is suspended by RED");

            CliRun stats = CliRun.of("dialogue", "stats", "--config", red, "--url", redUrl, "--period", "YEAR");
            assertThat(stats.code()).isZero();
            assertThat(stats.out()).contains("WORKING_LEVEL,1,0,0,0,0,1");
        }
    }

    /** {@code parley dialogue notice suspend} against the node of {@code config} at {@code url}. */
    private static CliRun suspend(String config, String url, String categories, String reason, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "dialogue",
                "notice",
                "suspend",
                "--config",
                config,
                "--url",
                url,
                "--token",
                TwoNodes.RED_SUPERVISOR,
                "--category",
                categories,
                "--reason",
                reason));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** A dialogue request through the operator API; returns its id. */
    private static String request(OperatorClient api, String level, String topic, Instant proposed, String answerIn) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("level", level).put("topic", topic);
        body.putArray("proposed").add(proposed.toString());
        body.put("deadline", Instant.now().plus(Duration.parse(answerIn)).toString());
        return api.post("api/v1/dialogue/requests", body).path("id").asText();
    }

    private static void answer(OperatorClient api, String requestId, String answer, String field, String value) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("answer", answer).put(field, value);
        api.post("api/v1/dialogue/requests/" + requestId + "/answer", body);
    }

    private static void notice(OperatorClient api, String action, String reason, String... categories) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("action", action).put("reason", reason);
        var names = body.putArray("categories");
        for (String category : categories) {
            names.add(category);
        }
        api.post("api/v1/channel-notices", body);
    }

    private static String send(OperatorClient api, String precedence, String category, String text) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", precedence).put("category", category).put("text", text);
        return api.post("api/v1/messages", body).path("id").asText();
    }

    private static String phrases(OperatorClient api, String code, String name, String value, String freeText) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", "FLASH").put("category", "SAFETY").put("text", freeText);
        ObjectNode phrase = body.putArray("phrases").addObject();
        phrase.put("code", code).putObject("arguments").put(name, value);
        return api.post("api/v1/messages", body).path("id").asText();
    }

    private static JsonNode requests(OperatorClient api) {
        return api.get("api/v1/dialogue").path("requests");
    }

    private static String status(OperatorClient api, String id) {
        for (JsonNode entry : requests(api)) {
            if (entry.path("id").asText().equals(id)) {
                return entry.path("status").asText();
            }
        }
        return "";
    }

    private static String messageStatus(OperatorClient api, String id) {
        return api.get("api/v1/messages/" + id).path("status").asText();
    }
}
