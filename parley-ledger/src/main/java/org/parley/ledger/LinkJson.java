package org.parley.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON for what crosses the link at a link test: a {@link TreeHeadOffer} one way, a {@link
 * CountersignedTreeHead} back. Same conventions as the proof bundle (hex hashes, base64
 * signatures, ISO 8601 UTC). Reading never trusts the peer: anything missing or malformed is a
 * {@link LedgerException} naming the field.
 *
 * <pre>
 * offer:          { "treeHead": {"treeSize","rootHash","timestamp","signature"},
 *                   "consistencyProof": {"fromSize","toSize","path":[hex..]} }
 * countersigned:  { "treeHead": {...}, "countersignature": base64 }
 * </pre>
 */
final class LinkJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LinkJson() {}

    static String write(TreeHeadOffer offer) {
        ObjectNode root = MAPPER.createObjectNode();
        putHead(root.putObject("treeHead"), offer.head());
        ObjectNode proof = root.putObject("consistencyProof");
        proof.put("fromSize", offer.proof().fromSize());
        proof.put("toSize", offer.proof().toSize());
        ArrayNode path = proof.putArray("path");
        offer.proof().path().forEach(hash -> path.add(hash.toHex()));
        return root.toString();
    }

    static String write(CountersignedTreeHead countersigned) {
        ObjectNode root = MAPPER.createObjectNode();
        putHead(root.putObject("treeHead"), countersigned.signedHead());
        root.put("countersignature", countersigned.countersignature().toBase64());
        return root.toString();
    }

    static TreeHeadOffer readOffer(String json) {
        JsonNode root = parse(json);
        JsonNode proof = object(root, "consistencyProof");
        try {
            return new TreeHeadOffer(
                    readHead(object(root, "treeHead")),
                    new ConsistencyProof(
                            number(proof, "fromSize"), number(proof, "toSize"), hashes(proof.get("path"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new LedgerException("the tree head offer has a malformed field: " + e.getMessage(), e);
        }
    }

    static CountersignedTreeHead readCountersigned(String json) {
        JsonNode root = parse(json);
        try {
            return new CountersignedTreeHead(
                    readHead(object(root, "treeHead")), SignatureBytes.fromBase64(text(root, "countersignature")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new LedgerException("the countersigned tree head has a malformed field: " + e.getMessage(), e);
        }
    }

    private static void putHead(ObjectNode node, SignedTreeHead head) {
        node.put("treeSize", head.treeSize());
        node.put("rootHash", head.rootHash().toHex());
        node.put("timestamp", head.head().timestamp().toString());
        node.put("signature", head.signature().toBase64());
    }

    private static SignedTreeHead readHead(JsonNode node) {
        return new SignedTreeHead(
                new TreeHead(
                        number(node, "treeSize"),
                        MerkleHash.fromHex(text(node, "rootHash")),
                        Instant.parse(text(node, "timestamp"))),
                SignatureBytes.fromBase64(text(node, "signature")));
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new LedgerException("expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new LedgerException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new LedgerException("no '" + field + "' object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new LedgerException("no text field '" + field + "'");
        }
        return node.asText();
    }

    private static long number(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw new LedgerException("no integer field '" + field + "'");
        }
        return node.asLong();
    }

    private static List<MerkleHash> hashes(JsonNode path) {
        if (path == null || !path.isArray()) {
            throw new LedgerException("no 'path' array");
        }
        List<MerkleHash> hashes = new ArrayList<>();
        for (JsonNode hash : path) {
            if (!hash.isTextual()) {
                throw new LedgerException("'path' must hold hex strings");
            }
            hashes.add(MerkleHash.fromHex(hash.asText()));
        }
        return hashes;
    }
}
