package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;
import org.parley.node.events.Alarm;
import org.parley.testing.TestClock;

/** The operator API of two real nodes: acknowledgment, escalation, roles and refusals. */
class OperatorApiIT {
    @TempDir
    static Path root;

    static TestClock clock;
    static TwoNodes nodes;
    static OperatorClient blueOfficer;
    static OperatorClient blueAdmin;
    static OperatorClient redOfficer;
    static OperatorClient redSupervisor;

    @BeforeAll
    static void start() throws Exception {
        clock = new TestClock(Instant.now());
        nodes = new TwoNodes(root, clock, "PT30M");
        blueOfficer = nodes.client(nodes.blue, TwoNodes.BLUE_OFFICER);
        blueAdmin = nodes.client(nodes.blue, TwoNodes.BLUE_ADMIN);
        redOfficer = nodes.client(nodes.red, TwoNodes.RED_OFFICER);
        redSupervisor = nodes.client(nodes.red, TwoNodes.RED_SUPERVISOR);
    }

    @AfterAll
    static void stop() {
        nodes.close();
    }

    private static String send(String precedence, String category, String text) {
        ObjectNode body = OperatorClient.json().createObjectNode();
        body.put("precedence", precedence);
        body.put("category", category);
        body.put("text", text);
        return blueOfficer.post("api/v1/messages", body).path("id").asText();
    }

    private static Duration between(JsonNode view, String from, String to) {
        return Duration.between(
                java.time.Instant.parse(view.path(from).asText()),
                java.time.Instant.parse(view.path(to).asText()));
    }

    private static String status(OperatorClient api, String id) {
        return api.get("api/v1/messages/" + id).path("status").asText();
    }

    private static void awaitStatus(OperatorClient api, String id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status(api, id).equals(status));
    }

    @Test
    void ack_roundTrip_bothNodesShowAcknowledgedByDutyOfficer() {
        String id = send("FLASH", "SAFETY", "Crossing your bow at 150 yd; alter to starboard.");
        awaitStatus(blueOfficer, id, "RECEIVED");
        assertThat(status(redOfficer, id)).isEqualTo("RECEIVED");
        JsonNode acked = redOfficer.post(
                "api/v1/messages/" + id + "/ack", OperatorClient.json().createObjectNode());
        assertThat(acked.path("status").asText()).isEqualTo("ACKNOWLEDGED");
        awaitStatus(blueOfficer, id, "ACKNOWLEDGED");
        JsonNode onBlue = blueOfficer.get("api/v1/messages/" + id);
        JsonNode onRed = redOfficer.get("api/v1/messages/" + id);
        for (String field : new String[] {"status", "acknowledgedBy", "precedence", "category"}) {
            assertThat(onBlue.path(field).asText())
                    .as(field)
                    .isEqualTo(onRed.path(field).asText());
        }
        // Each side counts the deadline on its own clock: the sender from when it made the message, the
        // receiver from when it stored it, as its escalation does; the same FLASH deadline on both.
        assertThat(between(onRed, "receivedAt", "ackDeadline"))
                .isEqualTo(between(onBlue, "created", "ackDeadline"))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(onBlue.path("acknowledgedBy").asText()).isEqualTo("duty-officer");
        // How delivery went is shown with the sender's copy only.
        assertThat(onBlue.path("delivery").path("attempts").isInt()).isTrue();
        assertThat(onBlue.path("delivery").path("nextAttempt").asText()).isNotEmpty();
        assertThat(onRed.has("delivery")).isFalse();
    }

    @Test
    void escalation_deadlinePassesOnClock_overdueOnBothThenSupervisorAcks() {
        String id = send("IMMEDIATE", "NOTICE", "Exercise area KILO active tomorrow.");
        awaitStatus(blueOfficer, id, "RECEIVED");
        clock.advance(Duration.ofMinutes(16));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> nodes.red.alarms().stream()
                        .anyMatch(a ->
                                a.kind() == Alarm.Kind.REALERT && a.message().contains(id)));
        clock.advance(Duration.ofMinutes(15));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> nodes.red.alarms().stream()
                        .anyMatch(a ->
                                a.kind() == Alarm.Kind.ESCALATION && a.message().contains(id)));
        assertThat(status(redOfficer, id)).isEqualTo("OVERDUE");
        assertThat(status(blueOfficer, id)).isEqualTo("OVERDUE");
        assertThat(redOfficer
                        .get("api/v1/messages/" + id)
                        .path("responsibleRole")
                        .asText())
                .isEqualTo("watch-supervisor");
        redSupervisor.post(
                "api/v1/messages/" + id + "/ack", OperatorClient.json().createObjectNode());
        awaitStatus(blueOfficer, id, "ACKNOWLEDGED");
        assertThat(blueOfficer
                        .get("api/v1/messages/" + id)
                        .path("acknowledgedBy")
                        .asText())
                .isEqualTo("watch-supervisor");
    }

    @Test
    void config_dutyOfficer_forbidden_adminAllowed() {
        // ROUTINE is used by no other test here, and the value keeps both nodes' deadlines equal.
        ObjectNode body = OperatorClient.json().createObjectNode().put("deadline", "PT6H");
        assertThatThrownBy(() -> blueOfficer.put("api/v1/config/ack-deadlines/ROUTINE", body))
                .isInstanceOfSatisfying(
                        OperatorClient.ApiException.class,
                        e -> assertThat(e.status).isEqualTo(403))
                .hasMessageContaining("ADMIN");
        assertThat(blueAdmin
                        .put("api/v1/config/ack-deadlines/ROUTINE", body)
                        .path("deadline")
                        .asText())
                .isEqualTo("PT6H");
    }

    @Test
    void request_unknownToken_is401() {
        OperatorClient stranger = nodes.client(nodes.blue, "not-a-token");
        assertThatThrownBy(() -> stranger.get("api/v1/inbox"))
                .isInstanceOfSatisfying(
                        OperatorClient.ApiException.class,
                        e -> assertThat(e.status).isEqualTo(401))
                .hasMessageContaining("unknown operator token");
    }

    @Test
    void send_malformedRequests_answer4xxSayingWhatToFix() {
        ObjectNode badPrecedence = OperatorClient.json().createObjectNode();
        badPrecedence.put("precedence", "URGENT").put("category", "SAFETY").put("text", "x");
        assertProblem(() -> blueOfficer.post("api/v1/messages", badPrecedence), 400, "FLASH, IMMEDIATE");
        ObjectNode noText = OperatorClient.json().createObjectNode();
        noText.put("precedence", "FLASH").put("category", "SAFETY");
        assertProblem(() -> blueOfficer.post("api/v1/messages", noText), 400, "'text' is required");
        ObjectNode receipt = OperatorClient.json().createObjectNode();
        receipt.put("precedence", "FLASH").put("category", "RECEIPT").put("text", "x");
        assertProblem(() -> blueOfficer.post("api/v1/messages", receipt), 400, "sent by the node itself");
        assertProblem(() -> blueOfficer.get("api/v1/messages/not-an-id"), 400, "lower-case UUID");
        assertProblem(
                () -> redOfficer.post(
                        "api/v1/messages/01912345-6789-7abc-8def-0123456789ab/ack",
                        OperatorClient.json().createObjectNode()),
                404,
                "no received message");
        assertProblem(() -> blueOfficer.get("api/v1/nothing-here"), 404, "openapi.json");
        assertProblem(() -> blueOfficer.get("api/v1/messages"), 405, "use POST");
    }

    @Test
    void ack_twice_isConflict() {
        String id = send("PRIORITY", "ROUTINE", "Weekly schedule attached.");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try {
                return redOfficer
                        .get("api/v1/messages/" + id)
                        .path("status")
                        .asText()
                        .equals("RECEIVED");
            } catch (OperatorClient.ApiException e) {
                return false;
            }
        });
        redOfficer.post("api/v1/messages/" + id + "/ack", OperatorClient.json().createObjectNode());
        assertProblem(
                () -> redOfficer.post(
                        "api/v1/messages/" + id + "/ack", OperatorClient.json().createObjectNode()),
                409,
                "already acknowledged");
    }

    @Test
    void outbox_limitAndOffset_pagesNewestFirst() {
        // The nodes run on a test clock: a second between sends gives each its own creation time.
        String older = send("ROUTINE", "ROUTINE", "page check 1");
        clock.advance(Duration.ofSeconds(1));
        String middle = send("ROUTINE", "ROUTINE", "page check 2");
        clock.advance(Duration.ofSeconds(1));
        String newest = send("ROUTINE", "ROUTINE", "page check 3");

        List<String> first = ids(blueOfficer.get("api/v1/outbox?limit=2"));
        List<String> second = ids(blueOfficer.get("api/v1/outbox?limit=2&offset=1"));

        assertThat(first).containsExactly(newest, middle);
        assertThat(second).containsExactly(middle, older);
        assertProblem(() -> blueOfficer.get("api/v1/outbox?offset=-1"), 400, "'offset' must be a whole number >= 0");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new java.util.ArrayList<>();
        list.path("messages").forEach(m -> ids.add(m.path("id").asText()));
        return ids;
    }

    @Test
    void openApiAndMetrics_servedOverHttpsWithCounters() {
        JsonNode openapi = blueOfficer.get("openapi.json");
        assertThat(openapi.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(openapi.path("paths").has("/api/v1/messages/{id}/ack")).isTrue();
        assertThat(openapi.path("paths").has("/api/v1/dialogue/requests/{id}/answer"))
                .isTrue();
        assertThat(openapi.path("paths").has("/api/v1/channel-notices")).isTrue();
        assertThat(blueOfficer.get("health").path("status").asText()).isEqualTo("UP");
        send("ROUTINE", "ROUTINE", "metrics check");
        String metrics = blueOfficer.text("metrics");
        assertThat(metrics)
                .contains("# TYPE parley_envelopes_sent_total counter")
                .containsPattern("parley_envelopes_sent_total\\{party=\"BLUE\"} [1-9]")
                .contains("parley_link_alarm{party=\"BLUE\"} 0");
    }

    private static void assertProblem(Runnable call, int status, String detail) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        OperatorClient.ApiException.class,
                        e -> assertThat(e.status).isEqualTo(status))
                .hasMessageContaining(detail);
    }
}
