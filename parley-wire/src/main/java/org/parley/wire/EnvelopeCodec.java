package org.parley.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The wire format: envelopes to RFC 8785 canonical bytes and back, and the frame that carries a
 * signed envelope. This is the package's entry point.
 *
 * <p>Reading never throws on bad input: it returns {@link ParseResult.Rejected} with the reason
 * (docs/decisions.md, decision 10). Bytes are accepted only if they are exactly the canonical form of the
 * envelope they describe, so a verified envelope has one and only one byte representation.
 *
 * <p>Frame: {@code canonical bytes || 0x0A || base64url(signature)}. Canonical JSON never contains a
 * raw line feed (RFC 8785 3.2.2.2 escapes it and emits no whitespace), so the first 0x0A splits.
 */
public final class EnvelopeCodec {
    /** The byte that separates the canonical bytes from the signature in a frame. */
    public static final byte FRAME_SEPARATOR = '\n';

    private EnvelopeCodec() {}

    /** The canonical bytes of an envelope: what is signed (docs/decisions.md, decision 1). */
    public static CanonicalBytes canonicalBytes(Envelope envelope) {
        return CanonicalBytes.of(Jcs.write(toJson(envelope)));
    }

    /** Reads canonical bytes; rejects bytes that are not exactly the canonical form of a valid envelope. */
    public static ParseResult<Envelope> parse(CanonicalBytes bytes) {
        Envelope envelope;
        try {
            envelope = fromJson(Jcs.read(bytes.toByteArray()));
        } catch (IllegalArgumentException e) {
            return new ParseResult.Rejected<>("malformed envelope: " + e.getMessage());
        }
        if (!canonicalBytes(envelope).equals(bytes)) {
            return new ParseResult.Rejected<>(
                    "malformed envelope: the bytes are valid JSON but not the RFC 8785 canonical form of the envelope"
                            + " (whitespace, member order, number or string spelling differ)");
        }
        return new ParseResult.Parsed<>(envelope);
    }

    /** Canonicalizes any JSON text by RFC 8785; for other modules' signed JSON (e.g. tree heads). */
    public static ParseResult<CanonicalBytes> canonicalizeJson(String json) {
        try {
            return new ParseResult.Parsed<>(CanonicalBytes.of(Jcs.canonicalize(json.getBytes(StandardCharsets.UTF_8))));
        } catch (IllegalArgumentException e) {
            return new ParseResult.Rejected<>("cannot canonicalize JSON: " + e.getMessage());
        }
    }

    /** The frame that carries a signed envelope over the wire or into a file. */
    public static byte[] frame(SignedEnvelope signed) {
        byte[] canonical = signed.canonical().toByteArray();
        byte[] signature = signed.signature().toBase64Url().getBytes(StandardCharsets.US_ASCII);
        byte[] frame = Arrays.copyOf(canonical, canonical.length + 1 + signature.length);
        frame[canonical.length] = FRAME_SEPARATOR;
        System.arraycopy(signature, 0, frame, canonical.length + 1, signature.length);
        return frame;
    }

    /** Splits a frame; the canonical bytes are checked later, by parse or by the verifier. */
    public static ParseResult<SignedEnvelope> unframe(byte[] frame) {
        int split = -1;
        for (int i = 0; i < frame.length; i++) {
            if (frame[i] == FRAME_SEPARATOR) {
                split = i;
                break;
            }
        }
        if (split < 0) {
            return new ParseResult.Rejected<>("malformed frame: no line feed between envelope and signature");
        }
        String signatureText = new String(frame, split + 1, frame.length - split - 1, StandardCharsets.US_ASCII);
        try {
            Signature signature = Signature.fromBase64Url(signatureText);
            return new ParseResult.Parsed<>(
                    new SignedEnvelope(CanonicalBytes.of(Arrays.copyOf(frame, split)), signature));
        } catch (IllegalArgumentException e) {
            return new ParseResult.Rejected<>("malformed frame: " + e.getMessage());
        }
    }

    static Json toJson(Envelope e) {
        Map<String, Json> m = new TreeMap<>();
        m.put("v", new Json.Num(e.version()));
        m.put("id", PayloadCodec.str(e.id().toString()));
        m.put("from", PayloadCodec.str(e.from().name()));
        m.put("to", PayloadCodec.str(e.to().name()));
        m.put("precedence", PayloadCodec.str(e.precedence().name()));
        m.put("category", PayloadCodec.str(e.category().name()));
        m.put("created", PayloadCodec.instant(e.created()));
        e.inReplyTo().ifPresent(id -> m.put("inReplyTo", PayloadCodec.str(id.toString())));
        m.put("languages", PayloadCodec.strings(e.languages()));
        m.put("payload", PayloadCodec.encode(e.payload()));
        m.put("signer", PayloadCodec.str(e.signer().hex()));
        return new Json.Obj(new TreeMap<>(m));
    }

    static Envelope fromJson(Json json) {
        Fields f = new Fields("envelope", json);
        int version = f.integer("v");
        if (version != Envelope.CURRENT_VERSION) {
            throw new IllegalArgumentException(
                    "envelope version " + version + " is not supported; this build speaks " + Envelope.CURRENT_VERSION);
        }
        Envelope envelope = new Envelope(
                version,
                f.id("id"),
                new Party(f.string("from")),
                new Party(f.string("to")),
                f.enumValue("precedence", Precedence.class),
                f.enumValue("category", Category.class),
                f.instant("created"),
                f.optionalString("inReplyTo").map(EnvelopeId::parse),
                f.strings("languages"),
                PayloadCodec.decode(f.raw("payload")),
                new KeyId(f.string("signer")));
        f.finish();
        return envelope;
    }
}
