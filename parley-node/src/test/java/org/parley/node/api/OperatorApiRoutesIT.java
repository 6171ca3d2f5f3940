package org.parley.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import org.parley.store.Store;
import org.parley.testing.TestClock;

/**
 * The routing table's guarantees over real TLS on loopback, walking {@link Route} itself: 405 with
 * Allow before any handler runs, 401 on every authenticated route without a valid token, 403 on
 * every ADMIN or SUPERVISOR route for a duty officer. One BLUE node; its peer is never started.
 */
class OperatorApiRoutesIT {
    private static final String OFFICER = "blue-officer";
    private static final String ADMIN = "blue-admin";
    private static final Map<String, String> SAMPLE_PARAMETERS =
            Map.of("id", "01912345-6789-7abc-8def-0123456789ab", "precedence", "ROUTINE", "level", "UNSAFE");
    private static final String SEND_BODY = "{\"precedence\": \"ROUTINE\", \"category\": \"ROUTINE\", \"text\": \"x\"}";

    @TempDir
    static Path root;

    static TestClock clock;
    static NodeConfig config;
    static HotlineNode node;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        clock = new TestClock(Instant.now());
        BlueNode blue = BlueNode.start(
                root, clock, f -> f.token(OFFICER, "alice", "DUTY_OFFICER").token(ADMIN, "root", "ADMIN"));
        config = blue.config();
        node = blue.node();
        http = blue.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void request_everyAuthenticatedRouteWithoutToken_is401WithChallenge() throws Exception {
        for (Route route : Route.values()) {
            if (route.access() == Access.PUBLIC) {
                continue;
            }
            HttpResponse<String> none = call(route.method(), samplePath(route), Optional.empty(), body(route));
            assertThat(none.statusCode()).as(route.toString()).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate"))
                    .as(route.toString())
                    .hasValue("Bearer realm=\"parley\"");
            assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            HttpResponse<String> wrong = call(route.method(), samplePath(route), Optional.of("guess"), body(route));
            assertThat(wrong.statusCode()).as(route + " with an unknown token").isEqualTo(401);
        }
    }

    @Test
    void request_everyPublicRouteWithoutToken_isAnswered() throws Exception {
        for (Route route : Route.values()) {
            if (route.access() == Access.PUBLIC) {
                assertThat(call(route.method(), samplePath(route), Optional.empty(), Optional.empty())
                                .statusCode())
                        .as(route.toString())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void request_everyAdminOrSupervisorRouteAsDutyOfficer_is403AndChangesNothing() throws Exception {
        int audited = auditCount();
        for (Route route : Route.values()) {
            if (route.access() == Access.ADMIN || route.access() == Access.SUPERVISOR) {
                HttpResponse<String> response =
                        call(route.method(), samplePath(route), Optional.of(OFFICER), body(route));
                assertThat(response.statusCode()).as(route.toString()).isEqualTo(403);
                assertThat(response.body())
                        .contains("needs the " + route.access().roles() + " role");
            }
        }
        assertThat(auditCount()).isEqualTo(audited);
    }

    @Test
    void request_knownPathWrongMethod_is405WithAllowBeforeAnyHandler() throws Exception {
        int audited = auditCount();
        String id = SAMPLE_PARAMETERS.get("id");
        assertMethodNotAllowed("DELETE", "/api/v1/inbox", Optional.empty(), "GET");
        assertMethodNotAllowed("PUT", "/api/v1/messages", Optional.of(SEND_BODY), "POST");
        assertMethodNotAllowed("GET", "/api/v1/messages/" + id + "/ack", Optional.empty(), "POST");
        assertMethodNotAllowed(
                "DELETE",
                "/api/v1/channel-notices",
                Optional.of("{\"action\": \"SUSPEND\", \"categories\": [\"ROUTINE\"], \"reason\": \"x\"}"),
                "GET, POST");
        assertMethodNotAllowed(
                "POST", "/api/v1/config/ack-deadlines/ROUTINE", Optional.of("{\"deadline\": \"PT1M\"}"), "PUT");
        assertThat(node.messages().outbox(100)).as("nothing sent").isEmpty();
        assertThat(auditCount()).as("nothing audited").isEqualTo(audited);
        // Control: the same body with the right method is sent and audited, so the checks above can fail.
        assertThat(call("POST", "/api/v1/messages", Optional.of(OFFICER), Optional.of(SEND_BODY))
                        .statusCode())
                .isEqualTo(201);
        assertThat(auditCount()).isGreaterThan(audited);
    }

    @Test
    void request_unknownPathOrQueryParameter_isProblemSayingWhatToFix() throws Exception {
        HttpResponse<String> unknown = call("GET", "/api/v1/nothing-here", Optional.of(OFFICER), Optional.empty());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("/openapi.json");
        HttpResponse<String> misspelt = call("GET", "/api/v1/inbox?limt=5", Optional.of(OFFICER), Optional.empty());
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.body()).contains("'limt'").contains("takes limit");
    }

    private static void assertMethodNotAllowed(String method, String path, Optional<String> body, String allow)
            throws Exception {
        for (String token : List.of(OFFICER, ADMIN)) {
            HttpResponse<String> response = call(method, path, Optional.of(token), body);
            assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow"))
                    .as(method + " " + path)
                    .hasValue(allow);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":405").contains("not " + method);
        }
    }

    private static String samplePath(Route route) {
        String path = route.path().text();
        for (String name : route.path().parameterNames()) {
            path = path.replace("{" + name + "}", SAMPLE_PARAMETERS.get(name));
        }
        return path;
    }

    private static Optional<String> body(Route route) {
        return route.method().equals("GET") ? Optional.empty() : Optional.of("{}");
    }

    private static HttpResponse<String> call(String method, String path, Optional<String> token, Optional<String> body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + node.operatorPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body.map(HttpRequest.BodyPublishers::ofString).orElse(HttpRequest.BodyPublishers.noBody()));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        body.ifPresent(b -> request.header("Content-Type", "application/json"));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int auditCount() {
        try (Store store = HotlineNode.openStore(config, clock)) {
            return store.auditLog(0, 100_000).size();
        }
    }
}
