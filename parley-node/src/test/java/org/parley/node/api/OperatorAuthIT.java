package org.parley.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import org.parley.store.AuditEvent;
import org.parley.store.Store;
import org.parley.testing.TestClock;

/**
 * Issue 19, item 14, over real TLS on loopback: roles on the dialogue and channel-notice routes,
 * tokens kept in node.yaml only as SHA-256 hashes, and failed sign-ins audited and throttled per
 * source address. One BLUE node; its peer is never started.
 */
class OperatorAuthIT {
    private static final String OFFICER = "blue-officer-plain-token";
    private static final String ADMIN = "blue-admin-plain-token";
    /** The supervisor's token; node.yaml holds only its hash. */
    private static final String SUPERVISOR = "7sQk2v9Jm4Xc8Rb1Tn6Lp3Wd5Hf0Gz";

    private static final String SUSPEND =
            "{\"action\": \"SUSPEND\", \"categories\": [\"ROUTINE\"], \"reason\": \"exercise\"}";

    @TempDir
    static Path root;

    static TestClock clock;
    static NodeConfig config;
    static HotlineNode node;
    static HttpClient http;

    @BeforeAll
    static void start() throws Exception {
        clock = new TestClock(Instant.now());
        String supervisorHash = "sha256:" + sha256Hex(SUPERVISOR); // node.yaml holds only the hash
        BlueNode blue = BlueNode.start(
                root,
                clock,
                f -> f.token(OFFICER, "alice", "DUTY_OFFICER")
                        .token(ADMIN, "root", "ADMIN")
                        .token(supervisorHash, "wang", "WATCH_SUPERVISOR"));
        config = blue.config();
        node = blue.node();
        http = blue.http();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void sendChannelNotice_dutyOfficer_is403AndNothingSuspended() throws Exception {
        HttpResponse<String> refused = call("POST", "/api/v1/channel-notices", Optional.of(OFFICER), SUSPEND);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("WATCH_SUPERVISOR");
        assertThat(call("GET", "/api/v1/channel-notices", Optional.of(OFFICER), "")
                        .body())
                .contains("\"notices\":[]");
    }

    @Test
    void dialogueRequest_dutyOfficer_is403() throws Exception {
        HttpResponse<String> refused = call(
                "POST",
                "/api/v1/dialogue/requests",
                Optional.of(OFFICER),
                "{\"level\": \"MINISTERS\", \"topic\": \"t\", \"proposed\": [\"2099-01-01T00:00:00Z\"]}");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void sendChannelNotice_supervisorWithHashedToken_isAccepted() throws Exception {
        HttpResponse<String> accepted = call(
                "POST",
                "/api/v1/channel-notices",
                Optional.of(SUPERVISOR),
                "{\"action\": \"SUSPEND\", \"categories\": [\"DIALOGUE\"], \"reason\": \"exercise\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isBetween(200, 299);
        // The hash itself is not a token.
        assertThat(call("GET", "/api/v1/inbox", Optional.of("sha256:" + sha256Hex(SUPERVISOR)), "")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void signIn_repeatedFailuresFromOneAddress_auditedThenThrottled() throws Exception {
        int failures = 0;
        HttpResponse<String> last;
        do {
            last = call("GET", "/api/v1/inbox", Optional.of("guess-" + failures), "");
            failures++;
        } while (last.statusCode() == 401 && failures < 200);
        assertThat(last.statusCode()).as("after %d failures", failures).isEqualTo(429);
        assertThat(failures).isBetween(5, 50);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        // While throttled even a valid token waits: the address is guessing.
        assertThat(call("GET", "/api/v1/inbox", Optional.of(OFFICER), "").statusCode())
                .isEqualTo(429);
        List<AuditEvent> failed = audit().stream()
                .filter(e -> e.action().startsWith("api.sign-in"))
                .toList();
        assertThat(failed)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.detail()).contains("127.0.0.1").doesNotContain("guess-"));
        assertThat(failed.size()).as("a flood is not audited row by row").isLessThanOrEqualTo(failures);

        clock.advance(Duration.ofMinutes(2));
        assertThat(call("GET", "/api/v1/inbox", Optional.of(OFFICER), "").statusCode())
                .isEqualTo(200);
    }

    @Test
    void revokePeerKey_dutyOfficerRefusedAdminAuditedAndListed() throws Exception {
        String body = "{\"keyId\": \"0123456789abcdef0123456789abcdef\", \"reason\": \"drill\","
                + " \"revokedAt\": \"2026-12-01T00:00:00Z\"}";
        assertThat(call("POST", "/api/v1/peer-keys/revocations", Optional.of(OFFICER), body)
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> revoked = call("POST", "/api/v1/peer-keys/revocations", Optional.of(ADMIN), body);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/peer-keys/revocations", Optional.of(OFFICER), "")
                        .body())
                .contains("0123456789abcdef0123456789abcdef", "LOCAL", "drill");
        assertThat(audit()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("peer-key.revoke");
            assertThat(e.actor()).isEqualTo("root");
            assertThat(e.subject()).isEqualTo("0123456789abcdef0123456789abcdef");
        });
        assertThat(call("POST", "/api/v1/peer-keys/revocations", Optional.of(ADMIN), "{\"keyId\": \"nope\"}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void consoleSignIn_repeatedFailuresFromOneAddress_throttledLikeTheApi() throws Exception {
        clock.advance(Duration.ofMinutes(2)); // a fresh window, whatever ran before
        int failures = 0;
        HttpResponse<String> last;
        do {
            last = consoleSignIn("guess-" + failures);
            failures++;
        } while (last.statusCode() == 401 && failures < 200);
        assertThat(last.statusCode()).as("after %d failures", failures).isEqualTo(429);
        assertThat(failures).isEqualTo(Authenticator.MAX_FAILURES + 1);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        // The API shares the window: the address is guessing wherever it guesses.
        assertThat(consoleSignIn(OFFICER).statusCode()).isEqualTo(429);
        assertThat(call("GET", "/api/v1/inbox", Optional.of(OFFICER), "").statusCode())
                .isEqualTo(429);
        assertThat(audit())
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("api.sign-in.throttled"))
                .filteredOn(e -> e.action().equals("api.sign-in.failed"))
                .anySatisfy(e -> assertThat(e.subject()).isEqualTo("POST /login"));

        clock.advance(Duration.ofMinutes(2));
        assertThat(consoleSignIn(OFFICER).statusCode())
                .as("a valid token signs in again")
                .isEqualTo(303);
    }

    private static HttpResponse<String> consoleSignIn(String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.operatorPort() + "/login"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<AuditEvent> audit() {
        try (Store store = HotlineNode.openStore(config, clock)) {
            return store.auditLog(0, 100_000);
        }
    }

    static String sha256Hex(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> call(String method, String path, Optional<String> token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + node.operatorPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
