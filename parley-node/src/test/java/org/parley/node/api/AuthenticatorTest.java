package org.parley.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.node.NodeConfig.OperatorToken;
import org.parley.node.NodeConfig.Role;

class AuthenticatorTest {
    private final Authenticator authenticator = new Authenticator(Map.of(
            "officer-token", new OperatorToken("alice", Role.DUTY_OFFICER),
            "admin-token", new OperatorToken("root", Role.ADMIN)));

    private static Headers bearer(String token) {
        Headers headers = new Headers();
        headers.add("Authorization", "Bearer " + token);
        return headers;
    }

    @Test
    void admit_publicRouteWithoutToken_isAnonymous() {
        assertThat(authenticator.admit(Route.HEALTH, new Headers())).isEqualTo(new Identity.Anonymous());
    }

    @Test
    void admit_operatorRouteWithoutToken_is401WithChallenge() {
        assertThatThrownBy(() -> authenticator.admit(Route.INBOX, new Headers()))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(401);
                    assertThat(p.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"parley\"");
                })
                .hasMessageContaining("Authorization: Bearer");
    }

    @Test
    void admit_unknownToken_is401InvalidToken() {
        assertThatThrownBy(() -> authenticator.admit(Route.INBOX, bearer("guess")))
                .isInstanceOfSatisfying(
                        Problem.class,
                        p -> assertThat(p.headers().get("WWW-Authenticate")).contains("invalid_token"));
    }

    @Test
    void admit_dutyOfficerOnAdminRoute_is403NamingTheRole() {
        assertThatThrownBy(() -> authenticator.admit(Route.SET_ACK_DEADLINE, bearer("officer-token")))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(403))
                .hasMessageContaining("needs the ADMIN role")
                .hasMessageContaining("DUTY_OFFICER");
    }

    @Test
    void admit_adminOnAdminRoute_isTheOperator() {
        assertThat(authenticator.admit(Route.SET_ACK_DEADLINE, bearer("admin-token")))
                .isEqualTo(new Identity.Operator("root", Role.ADMIN));
    }
}
