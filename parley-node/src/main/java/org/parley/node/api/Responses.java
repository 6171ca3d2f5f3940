package org.parley.node.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes answers on the exchange: the only class that sends status lines and bodies. */
final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    static void write(HttpExchange ex, Reply reply) throws IOException {
        switch (reply) {
            case Reply.Json json ->
                send(ex, json.status(), "application/json", json.headers(), JSON.writeValueAsBytes(json.body()));
            case Reply.Text text ->
                send(ex, 200, text.contentType(), Map.of(), text.body().getBytes(StandardCharsets.UTF_8));
            case Reply.EventStream stream -> EventStreams.serve(ex, stream.subscription());
        }
    }

    /**
     * RFC 9457 §3.1: {@code type} about:blank means the problem is the status itself, so {@code
     * title} is the status phrase; {@code detail} is for the operator and {@code instance} the path.
     */
    static void problem(HttpExchange ex, Problem problem) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "about:blank");
        o.put("title", title(problem.status()));
        o.put("status", problem.status());
        o.put("detail", problem.detail());
        o.put("instance", ex.getRequestURI().getPath());
        send(ex, problem.status(), "application/problem+json", problem.headers(), JSON.writeValueAsBytes(o));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 503 -> "Service Unavailable";
            case 507 -> "Insufficient Storage";
            default -> status >= 500 ? "Internal Server Error" : "Client Error";
        };
    }

    private static void send(HttpExchange ex, int status, String type, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((name, value) -> ex.getResponseHeaders().set(name, value));
        ex.getResponseHeaders().set("Content-Type", type);
        // One request per connection: operators send a few requests a minute, and reusing TLS 1.3
        // connections with the JDK server has left a request unanswered in tests (JDK HttpsServer
        // keep-alive); a fresh handshake costs a few milliseconds.
        ex.getResponseHeaders().set("Connection", "close");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
