package org.parley.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Walks openapi.json and the routing table ({@link Route}) against each other, both ways.
 *
 * <p>How the document states a route's role: by the operation's security requirement (OpenAPI 3.1
 * §4.8.30 lets a non-OAuth scheme list role names). {@code "security": []} is {@link Access#PUBLIC};
 * {@code [{"bearer": []}]} is {@link Access#OPERATOR}, any token whatever its role; {@code
 * [{"bearer": ["ADMIN"]}]} is {@link Access#ADMIN}; {@code [{"bearer": ["WATCH_SUPERVISOR", "ADMIN"]}]} is
 * {@link Access#SUPERVISOR}. An operation without its own {@code security}
 * takes the document's. Anything else is reported as an undocumented role.
 */
class RouteTableOpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** What the test compares for one operation, keyed by "METHOD /path/template". */
    record Operation(
            String operationId,
            String access,
            List<String> pathParameters,
            List<String> queryParameters,
            Set<String> authRefusals) {}

    static JsonNode document() {
        try {
            return JSON.readTree(OpenApi.document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void document_andRouteTable_describeTheSameOperations() {
        Map<String, Operation> documented = documented(document());
        Map<String, Operation> table = table();
        assertThat(documented.keySet())
                .as("operations in openapi.json (left) against routes in Route (right)")
                .containsExactlyInAnyOrderElementsOf(table.keySet());
        table.forEach((key, route) -> assertThat(documented.get(key)).as(key).isEqualTo(route));
    }

    @Test
    void document_everyOperation_documentsBadRequest() {
        // Any route refuses a query parameter it does not declare with 400 (Dispatcher), so every
        // operation can answer 400; 401 and 403 are compared with the table through Operation.
        JsonNode paths = document().path("paths");
        for (Route route : Route.values()) {
            JsonNode responses = paths.path(route.path().text())
                    .path(route.method().toLowerCase(Locale.ROOT))
                    .path("responses");
            assertThat(responses.has("400")).as(route.toString()).isTrue();
        }
    }

    @Test
    void compare_routeMissingFromDocument_isReported() {
        ObjectNode mutated = document().deepCopy();
        ((ObjectNode) mutated.path("paths")).remove("/api/v1/link");
        assertThat(documented(mutated)).isNotEqualTo(table()).doesNotContainKey("GET /api/v1/link");
    }

    @Test
    void compare_adminRouteDocumentedForAnyOperator_isReported() {
        ObjectNode mutated = document().deepCopy();
        ObjectNode put = (ObjectNode) mutated.path("paths")
                .path("/api/v1/config/ack-deadlines/{precedence}")
                .path("put");
        ArrayNode security = put.putArray("security");
        security.addObject().putArray("bearer");
        assertThat(documented(mutated)
                        .get("PUT /api/v1/config/ack-deadlines/{precedence}")
                        .access())
                .isEqualTo("OPERATOR");
        assertThat(documented(mutated)).isNotEqualTo(table());
    }

    @Test
    void compare_undocumentedExtraOperation_isReported() {
        ObjectNode mutated = document().deepCopy();
        ObjectNode inbox = (ObjectNode) mutated.path("paths").path("/api/v1/inbox");
        inbox.set("delete", inbox.path("get").deepCopy());
        assertThat(documented(mutated)).isNotEqualTo(table()).containsKey("DELETE /api/v1/inbox");
    }

    @Test
    void compare_publicRouteWithoutSecurityOverride_takesTheDocumentsBearerAndIsReported() {
        ObjectNode mutated = document().deepCopy();
        ((ObjectNode) mutated.path("paths").path("/health").path("get")).remove("security");
        assertThat(documented(mutated).get("GET /health").access()).isEqualTo("OPERATOR");
    }

    /** The table's operations, with the refusals each access implies beside the route's own. */
    static Map<String, Operation> table() {
        Map<String, Operation> out = new TreeMap<>();
        for (Route route : Route.values()) {
            out.put(
                    route.method() + " " + route.path().text(),
                    new Operation(
                            route.operationId(),
                            route.access().name(),
                            route.path().parameterNames(),
                            route.queryParameters(),
                            refusalsOf(route.access())));
        }
        return out;
    }

    private static Set<String> refusalsOf(Access access) {
        return switch (access) {
            case PUBLIC -> Set.of();
            case OPERATOR -> Set.of("401");
            case SUPERVISOR, ADMIN -> Set.of("401", "403");
        };
    }

    static Map<String, Operation> documented(JsonNode doc) {
        Map<String, Operation> out = new TreeMap<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    if (METHODS.contains(op.getKey())) {
                        String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                        out.put(key, operation(doc, path.getValue(), op.getValue()));
                    }
                }));
        return out;
    }

    private static Operation operation(JsonNode doc, JsonNode pathItem, JsonNode op) {
        String access = access(op.has("security") ? op.path("security") : doc.path("security"));
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        for (JsonNode parameters : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : parameters) {
                switch (p.path("in").asText()) {
                    case "path" -> pathParameters.add(p.path("name").asText());
                    case "query" -> queryParameters.add(p.path("name").asText());
                    default -> throw new AssertionError("parameter in " + p.path("in") + " is not served");
                }
            }
        }
        Set<String> auth = new TreeSet<>();
        op.path("responses").fieldNames().forEachRemaining(code -> {
            if (code.equals("401") || code.equals("403")) {
                auth.add(code);
            }
        });
        return new Operation(
                op.path("operationId").asText("(none)"),
                access,
                List.copyOf(pathParameters),
                List.copyOf(queryParameters),
                Set.copyOf(auth));
    }

    private static String access(JsonNode security) {
        if (security.isArray() && security.isEmpty()) {
            return Access.PUBLIC.name();
        }
        if (security.size() == 1
                && security.get(0).size() == 1
                && security.get(0).has("bearer")) {
            JsonNode roles = security.get(0).path("bearer");
            if (roles.isEmpty()) {
                return Access.OPERATOR.name();
            }
            if (roles.size() == 1 && roles.get(0).asText().equals("ADMIN")) {
                return Access.ADMIN.name();
            }
            if (roles.size() == 2
                    && roles.get(0).asText().equals("WATCH_SUPERVISOR")
                    && roles.get(1).asText().equals("ADMIN")) {
                return Access.SUPERVISOR.name();
            }
        }
        return "undocumented role: " + security;
    }
}
