package org.parley.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RouterTest {

    @Test
    void resolve_messageAck_findsRouteWithId() {
        assertThat(Router.resolve("POST", "/api/v1/messages/abc/ack"))
                .isEqualTo(new Router.Found(Route.ACKNOWLEDGE, Map.of("id", "abc")));
    }

    @Test
    void resolve_unknownPath_isNotFound() {
        assertThat(Router.resolve("GET", "/api/v1/nothing-here")).isInstanceOf(Router.NotFound.class);
        assertThat(Router.resolve("GET", "/api/v1/inbox/")).isInstanceOf(Router.NotFound.class);
        assertThat(Router.resolve("GET", "/api/v1/messages//ack")).isInstanceOf(Router.NotFound.class);
    }

    @Test
    void resolve_knownPathOtherMethod_isMethodNotAllowedWithEveryMethodOfThePath() {
        assertThat(Router.resolve("DELETE", "/api/v1/channel-notices"))
                .isEqualTo(new Router.MethodNotAllowed("DELETE", java.util.List.of("GET", "POST")));
        assertThat(Router.resolve("GET", "/api/v1/messages"))
                .isEqualTo(new Router.MethodNotAllowed("GET", java.util.List.of("POST")));
    }

    @Test
    void resolve_lowerCaseMethod_isNotTheSameMethod() {
        // RFC 9110 §9.1: the method token is case-sensitive.
        assertThat(Router.resolve("get", "/health")).isInstanceOf(Router.MethodNotAllowed.class);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void resolve_eachRoutesOwnPath_findsThatRouteOnly(Route route) {
        String path = route.path().text().replaceAll("\\{[^}]+}", "x1");
        assertThat(Router.resolve(route.method(), path)).isInstanceOfSatisfying(Router.Found.class, found -> {
            assertThat(found.route()).isEqualTo(route);
            assertThat(found.parameters()).containsOnlyKeys(route.path().parameterNames());
        });
    }

    @Test
    void parse_malformedTemplates_areRefused() {
        assertThatThrownBy(() -> PathTemplate.parse("api/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathTemplate.parse("/api/v1/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathTemplate.parse("/api/{id")).hasMessageContaining("{id");
        assertThatThrownBy(() -> PathTemplate.parse("/api//x")).isInstanceOf(IllegalArgumentException.class);
    }
}
