package org.parley.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.parley.node.events.Subscription;
import org.parley.wire.EnvelopeId;

/** A handler's successful answer; {@link Responses} writes it. Refusals are {@link Problem}s. */
sealed interface Reply {

    record Json(int status, JsonNode body, Map<String, String> headers) implements Reply {
        public Json {
            headers = Map.copyOf(headers);
            if (status < 200 || status > 299) {
                throw new IllegalArgumentException("a reply is 2xx; refuse with a Problem instead: " + status);
            }
        }
    }

    /** A 200 in another media type: Prometheus text, CSV, the OpenAPI document. */
    record Text(String contentType, String body) implements Reply {
        public Text {
            if (contentType.isBlank()) {
                throw new IllegalArgumentException("a text reply names its content type");
            }
        }
    }

    /** 202 for work taken on but not done yet (position reports queued for the watch). */
    static Json accepted(JsonNode body) {
        return new Json(202, body, Map.of());
    }

    /**
     * A server-sent event stream (WHATWG HTML §9.2) fed by {@code subscription} until the client goes
     * away, the subscription is dropped for falling behind, or the node closes.
     */
    record EventStream(Subscription subscription) implements Reply {}

    static Json ok(JsonNode body) {
        return new Json(200, body, Map.of());
    }

    /** 201 for a signed envelope committed to the outbox, with its id and where to read it. */
    static Json created(EnvelopeId id) {
        JsonNode body = new ObjectMapper().createObjectNode().put("id", id.toString());
        return new Json(201, body, Map.of("Location", "/api/v1/messages/" + id));
    }
}
