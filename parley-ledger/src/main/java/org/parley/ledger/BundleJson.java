package org.parley.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The JSON form of a {@link ProofBundle}. Binary values are standard base64 (RFC 4648 section 4),
 * hashes are lower-case hex, certificates are base64 DER, the timestamp is ISO 8601 UTC:
 *
 * <pre>
 * { "format": "parley-proof-bundle/1",
 *   "envelope":         { "bytes", "signature", "certificates": [..] },
 *   "inclusionProof":   { "leafIndex", "treeSize", "path": [hex..] },
 *   "treeHead":         { "treeSize", "rootHash", "timestamp", "signature", "certificates": [..] },
 *   "countersignature": { "signature", "certificates": [..] } }
 * </pre>
 *
 * Reading never trusts the input: every missing or malformed field is a {@link LedgerException}
 * naming it.
 */
final class BundleJson {
    static final String FORMAT = "parley-proof-bundle/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleJson() {}

    static String write(ProofBundle bundle) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode envelope = root.putObject("envelope");
        envelope.put("bytes", bundle.envelopeBytes().toBase64());
        envelope.put("signature", bundle.envelopeSignature().toBase64());
        putCertificates(envelope, bundle.envelopeSignerCertificates());
        ObjectNode proof = root.putObject("inclusionProof");
        proof.put("leafIndex", bundle.inclusionProof().leafIndex());
        proof.put("treeSize", bundle.inclusionProof().treeSize());
        ArrayNode path = proof.putArray("path");
        bundle.inclusionProof().path().forEach(hash -> path.add(hash.toHex()));
        SignedTreeHead signed = bundle.treeHead().signedHead();
        ObjectNode head = root.putObject("treeHead");
        head.put("treeSize", signed.treeSize());
        head.put("rootHash", signed.rootHash().toHex());
        head.put("timestamp", signed.head().timestamp().toString());
        head.put("signature", signed.signature().toBase64());
        putCertificates(head, bundle.logOwnerCertificates());
        ObjectNode countersignature = root.putObject("countersignature");
        countersignature.put("signature", bundle.treeHead().countersignature().toBase64());
        putCertificates(countersignature, bundle.countersignerCertificates());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new LedgerException("cannot write the proof bundle as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static ProofBundle read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new LedgerException("the bundle is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new LedgerException("the bundle must be a JSON object");
        }
        String format = text(root, "format");
        if (!FORMAT.equals(format)) {
            throw new LedgerException("unknown bundle format '" + format + "', expected '" + FORMAT + "'");
        }
        JsonNode envelope = object(root, "envelope");
        JsonNode proof = object(root, "inclusionProof");
        JsonNode head = object(root, "treeHead");
        JsonNode countersignature = object(root, "countersignature");
        try {
            SignedTreeHead signed = new SignedTreeHead(
                    new TreeHead(
                            number(head, "treeHead.treeSize"),
                            MerkleHash.fromHex(text(head, "rootHash")),
                            Instant.parse(text(head, "timestamp"))),
                    SignatureBytes.fromBase64(text(head, "signature")));
            return new ProofBundle(
                    EnvelopeBytes.of(Base64.getDecoder().decode(text(envelope, "bytes"))),
                    SignatureBytes.fromBase64(text(envelope, "signature")),
                    certificates(envelope, "envelope.certificates"),
                    new InclusionProof(
                            number(proof, "inclusionProof.leafIndex"),
                            number(proof, "inclusionProof.treeSize"),
                            hashes(proof)),
                    new CountersignedTreeHead(signed, SignatureBytes.fromBase64(text(countersignature, "signature"))),
                    certificates(head, "treeHead.certificates"),
                    certificates(countersignature, "countersignature.certificates"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new LedgerException("the bundle has a malformed field: " + e.getMessage(), e);
        }
    }

    private static void putCertificates(ObjectNode node, List<X509Certificate> certificates) {
        ArrayNode array = node.putArray("certificates");
        for (X509Certificate certificate : certificates) {
            try {
                array.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new LedgerException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
            }
        }
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw new LedgerException("the bundle has no '" + field + "' object");
        }
        return node;
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new LedgerException("the bundle has no text field '" + field + "'");
        }
        return node.asText();
    }

    private static long number(JsonNode parent, String path) {
        String field = path.substring(path.indexOf('.') + 1);
        JsonNode node = parent.get(field);
        if (node == null || !node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw new LedgerException("the bundle has no integer field '" + path + "'");
        }
        return node.asLong();
    }

    private static List<MerkleHash> hashes(JsonNode proof) {
        JsonNode path = proof.get("path");
        if (path == null || !path.isArray()) {
            throw new LedgerException("the bundle has no 'inclusionProof.path' array");
        }
        List<MerkleHash> hashes = new ArrayList<>();
        for (JsonNode hash : path) {
            if (!hash.isTextual()) {
                throw new LedgerException("'inclusionProof.path' must hold hex strings");
            }
            hashes.add(MerkleHash.fromHex(hash.asText()));
        }
        return hashes;
    }

    private static List<X509Certificate> certificates(JsonNode parent, String path) {
        JsonNode array = parent.get("certificates");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new LedgerException("the bundle has no '" + path + "' (a non-empty array of base64 DER)");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (JsonNode node : array) {
            certificates.add(parseCertificate(node.asText(), path));
        }
        return certificates;
    }

    static X509Certificate parseCertificate(String base64, String path) {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new LedgerException("'" + path + "' holds something that is not a base64 DER X.509 certificate", e);
        }
    }
}
