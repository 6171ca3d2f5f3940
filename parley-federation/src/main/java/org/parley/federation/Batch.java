package org.parley.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The JSON body of {@code POST /federation/v1/envelopes} and of its answer.
 *
 * <pre>
 * request:  {"certificates": [PEM of the sender's signing certificates],
 *            "revocations": [PEM of the sender's revocation list, RFC 5280 CRL] (absent if none),
 *            "envelopes": [base64(frame)]}
 * response: {"certificates": [PEM], "results": [{"receipt": base64(frame)} | {"error": "reason"}]}
 * </pre>
 *
 * A frame is parley-wire's signed-envelope frame; results are in request order. Certificates travel
 * with the envelopes so a rotated signing key is learned without a restart; each is checked against
 * the pinned peer CA before it is trusted. The sender's revocation list, signed by its CA, travels
 * the same way (issue 19, item 12); a receiver that does not know the field ignores it.
 */
final class Batch {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One result per envelope: a receipt frame or the reason it was refused. */
    sealed interface Result {
        /** A receipt frame, kept as base64 text so the record holds no mutable array. */
        record Receipt(String frameBase64) implements Result {
            static Receipt of(byte[] frame) {
                return new Receipt(Base64.getEncoder().encodeToString(frame));
            }

            byte[] frame() {
                return Base64.getDecoder().decode(frameBase64);
            }
        }

        record Refused(String reason) implements Result {}
    }

    record Request(List<String> certificates, List<String> revocations, List<byte[]> frames) {}

    record Response(List<String> certificates, List<Result> results) {}

    private Batch() {}

    static byte[] writeRequest(List<String> certificates, List<byte[]> frames) {
        return writeRequest(certificates, List.of(), frames);
    }

    static byte[] writeRequest(List<String> certificates, List<String> revocations, List<byte[]> frames) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode certs = root.putArray("certificates");
        certificates.forEach(certs::add);
        if (!revocations.isEmpty()) {
            ArrayNode lists = root.putArray("revocations");
            revocations.forEach(lists::add);
        }
        ArrayNode envelopes = root.putArray("envelopes");
        frames.forEach(f -> envelopes.add(Base64.getEncoder().encodeToString(f)));
        return bytes(root);
    }

    static Request readRequest(byte[] body) {
        JsonNode root = tree(body);
        List<byte[]> frames = new ArrayList<>();
        for (JsonNode node : array(root, "envelopes")) {
            frames.add(base64(node, "envelopes"));
        }
        return new Request(strings(root, "certificates"), strings(root, "revocations"), frames);
    }

    static byte[] writeResponse(List<String> certificates, List<Result> results) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode certs = root.putArray("certificates");
        certificates.forEach(certs::add);
        ArrayNode out = root.putArray("results");
        for (Result result : results) {
            ObjectNode item = out.addObject();
            switch (result) {
                case Result.Receipt r -> item.put("receipt", r.frameBase64());
                case Result.Refused e -> item.put("error", e.reason());
            }
        }
        return bytes(root);
    }

    static Response readResponse(byte[] body) {
        JsonNode root = tree(body);
        List<Result> results = new ArrayList<>();
        for (JsonNode node : array(root, "results")) {
            if (node.has("receipt")) {
                results.add(Result.Receipt.of(base64(node.get("receipt"), "results.receipt")));
            } else {
                results.add(new Result.Refused(node.path("error").asText("no reason given")));
            }
        }
        return new Response(strings(root, "certificates"), results);
    }

    static byte[] error(String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "about:blank");
        root.put("title", "Federation request refused");
        root.put("detail", message);
        return bytes(root);
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("body must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException("body is not JSON: " + e.getMessage(), e);
        }
    }

    private static Iterable<JsonNode> array(JsonNode root, String name) {
        JsonNode node = root.path(name);
        if (!node.isArray()) {
            throw new IllegalArgumentException("'" + name + "' must be a JSON array");
        }
        return node;
    }

    private static List<String> strings(JsonNode root, String name) {
        List<String> out = new ArrayList<>();
        JsonNode node = root.path(name);
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static byte[] base64(JsonNode node, String where) {
        try {
            return Base64.getDecoder().decode(node.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + where + "' items must be base64: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
