package org.parley.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.node.NodeConfig.OperatorToken;
import org.parley.node.NodeConfig.Role;
import org.parley.testing.TestClock;

class AuthenticatorTest {
    private final List<String> audited = new ArrayList<>();
    private final TestClock clock = new TestClock(Instant.parse("2026-06-01T12:00:00Z"));
    private final Authenticator authenticator = new Authenticator(
            Map.of(
                    "officer-token",
                    new OperatorToken("alice", Role.DUTY_OFFICER),
                    OperatorToken.hashOf("admin-token"),
                    new OperatorToken("root", Role.ADMIN)),
            (action, subject, detail) -> audited.add(action + " " + subject + " " + detail),
            clock);
    private static final InetAddress HERE = InetAddress.getLoopbackAddress();

    private static Headers bearer(String token) {
        Headers headers = new Headers();
        headers.add("Authorization", "Bearer " + token);
        return headers;
    }

    @Test
    void admit_publicRouteWithoutToken_isAnonymous() {
        assertThat(authenticator.admit(Route.HEALTH, new Headers(), HERE)).isEqualTo(new Identity.Anonymous());
    }

    @Test
    void admit_operatorRouteWithoutToken_is401WithChallenge() {
        assertThatThrownBy(() -> authenticator.admit(Route.INBOX, new Headers(), HERE))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(401);
                    assertThat(p.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"parley\"");
                })
                .hasMessageContaining("Authorization: Bearer");
    }

    @Test
    void admit_unknownToken_is401InvalidToken() {
        assertThatThrownBy(() -> authenticator.admit(Route.INBOX, bearer("guess"), HERE))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.headers().get("WWW-Authenticate")).contains("invalid_token"));
    }

    @Test
    void admit_dutyOfficerOnAdminRoute_is403NamingTheRole() {
        assertThatThrownBy(() -> authenticator.admit(Route.SET_ACK_DEADLINE, bearer("officer-token"), HERE))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(403))
                .hasMessageContaining("needs the ADMIN role")
                .hasMessageContaining("DUTY_OFFICER");
    }

    @Test
    void admit_adminOnAdminRoute_isTheOperator() {
        assertThat(authenticator.admit(Route.SET_ACK_DEADLINE, bearer("admin-token"), HERE))
                .isEqualTo(new Identity.Operator("root", Role.ADMIN));
    }

    @Test
    void admit_dutyOfficerOnSupervisorRoute_is403NamingBothRoles() {
        assertThatThrownBy(() -> authenticator.admit(Route.SEND_CHANNEL_NOTICE, bearer("officer-token"), HERE))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(403))
                .hasMessageContaining("needs the WATCH_SUPERVISOR or ADMIN role");
    }

    @Test
    void admit_manyUnknownTokens_auditedWithoutTheGuessThen429UntilTheWindowEnds() {
        for (int i = 0; i < Authenticator.MAX_FAILURES; i++) {
            String guess = "guess-" + i;
            assertThatThrownBy(() -> authenticator.admit(Route.INBOX, bearer(guess), HERE))
                    .isInstanceOfSatisfying(
                            Problem.class, p -> assertThat(p.status()).isEqualTo(401));
        }
        assertThatThrownBy(() -> authenticator.admit(Route.INBOX, bearer("officer-token"), HERE))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(429);
                    assertThat(p.headers()).containsKey("Retry-After");
                });
        assertThat(audited).hasSize(Authenticator.MAX_FAILURES).noneMatch(line -> line.contains("guess"));
        assertThat(audited.get(audited.size() - 1)).startsWith("api.sign-in.throttled");

        clock.advance(Authenticator.WINDOW.plus(Duration.ofSeconds(1)));
        assertThat(authenticator.admit(Route.INBOX, bearer("officer-token"), HERE))
                .isEqualTo(new Identity.Operator("alice", Role.DUTY_OFFICER));
    }
}
