package org.parley.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One routed, admitted request as a handler sees it: the path parameters the router extracted, the
 * query, the JSON body and who is calling. Built only by {@link Dispatcher} after {@link
 * Authenticator#admit}, so a handler cannot run unauthenticated.
 */
final class Request {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final Route route;
    private final Map<String, String> parameters;
    private final Map<String, String> query;
    private final Identity identity;
    private final InputStream body;
    private final String accept;

    Request(
            Route route,
            Map<String, String> parameters,
            Map<String, String> query,
            Identity identity,
            InputStream body,
            String accept) {
        this.route = route;
        this.accept = accept;
        this.parameters = Map.copyOf(parameters);
        this.query = Map.copyOf(query);
        this.identity = identity;
        this.body = body;
    }

    /** The request's Accept header, empty when it sent none. */
    String accept() {
        return accept;
    }

    /** A path parameter the route's template declares. */
    String parameter(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException(route + " has no path parameter {" + name + "}");
        }
        return value;
    }

    Optional<String> query(String name) {
        if (!route.queryParameters().contains(name)) {
            throw new IllegalStateException(route + " does not declare the query parameter " + name);
        }
        return Optional.ofNullable(query.get(name));
    }

    /** The operator calling; only routes that are not {@link Access#PUBLIC} have one. */
    Identity.Operator operator() {
        return switch (identity) {
            case Identity.Operator operator -> operator;
            case Identity.Anonymous anonymous ->
                throw new IllegalStateException(route + " is PUBLIC, so no operator is known; declare it OPERATOR");
        };
    }

    /** The request body, which must be one JSON object of at most {@value #MAX_BODY_BYTES} bytes. */
    JsonNode jsonBody() throws IOException {
        try (InputStream in = body) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new Problem(413, "request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new Problem(400, "the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Problem(400, "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * The query's {@code name=value} pairs, decoded; the first of a repeated name counts. A name
     * without '=' has the empty value.
     */
    static Map<String, String> parseQuery(Optional<String> rawQuery) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : rawQuery.orElse("").split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            pairs.putIfAbsent(name, value);
        }
        return pairs;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "the query has a malformed %-escape: '" + text + "'");
        }
    }
}
