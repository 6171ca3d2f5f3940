package org.parley.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import org.parley.crypto.Revocation;
import org.parley.federation.Federation;
import org.parley.node.events.NodeEvents;
import org.parley.wire.KeyId;

/**
 * Revoking a peer signing key by this node's decision (issue 19, item 12): ADMIN only, audited,
 * honoured at once by the federation's verifier and kept in the keys folder across restarts.
 * Envelopes signed with the key and created from {@code revokedAt} on are refused; earlier ones stay
 * valid, so proofs of earlier messages still verify.
 */
final class PeerKeyRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Federation federation;
    private final NodeEvents events;
    private final InstantSource clock;

    PeerKeyRoutes(Federation federation, NodeEvents events, InstantSource clock) {
        this.federation = federation;
        this.events = events;
        this.clock = clock;
    }

    Reply list(Request request) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("revocations");
        federation.peerKeyRevocations().forEach(r -> view(items.addObject(), r));
        return Reply.ok(out);
    }

    Reply revoke(Request request) throws IOException {
        JsonNode body = request.jsonBody();
        Revocation revocation;
        try {
            revocation = new Revocation(
                    new KeyId(body.path("keyId").asText("")),
                    revokedAt(body),
                    Revocation.Source.LOCAL,
                    body.path("reason").asText(""));
        } catch (IllegalArgumentException e) {
            throw new Problem(
                    400,
                    "cannot revoke: " + e.getMessage()
                            + " (send keyId: the 32 hex digits 'parley keys show' prints, reason, and optionally revokedAt)");
        }
        federation.revokePeerKey(revocation);
        events.audit(
                request.operator().name(),
                "peer-key.revoke",
                revocation.keyId().hex(),
                "from " + revocation.revokedAt() + ": " + revocation.reason());
        return Reply.ok(view(JSON.createObjectNode(), revocation));
    }

    private Instant revokedAt(JsonNode body) {
        if (!body.hasNonNull("revokedAt")) {
            return clock.instant();
        }
        String text = body.get("revokedAt").asText();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Problem(
                    400, "'revokedAt' must be an RFC 3339 UTC time such as 2026-12-05T18:00:00Z: '" + text + "'");
        }
    }

    private static ObjectNode view(ObjectNode o, Revocation r) {
        return o.put("keyId", r.keyId().hex())
                .put("revokedAt", r.revokedAt().toString())
                .put("source", r.source().name())
                .put("reason", r.reason());
    }
}
