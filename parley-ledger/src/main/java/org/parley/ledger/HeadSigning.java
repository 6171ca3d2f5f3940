package org.parley.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;

/**
 * Ed25519 signatures over tree heads. The signed bytes are a domain-separation label followed by a
 * fixed binary layout modelled on RFC 9162 section 4.10 (TreeHeadDataV2), so a signature made for
 * an envelope or for a countersignature can never be replayed as a tree-head signature:
 *
 * <pre>
 * tree head:        "parley/v1/tree-head\n" | timestamp ms (uint64) | tree_size (uint64) | 0x20 | root (32)
 * countersignature: "parley/v1/tree-head-countersignature\n" | tree head bytes above | 0x40 | signature (64)
 * </pre>
 *
 * All integers are big-endian (network order), as in RFC 9162 section 1.2 / RFC 8446 section 3.
 */
final class HeadSigning {
    static final String HEAD_LABEL = "parley/v1/tree-head\n";
    static final String COUNTERSIGNATURE_LABEL = "parley/v1/tree-head-countersignature\n";
    private static final String ALGORITHM = "Ed25519";

    private HeadSigning() {}

    static byte[] headBytes(TreeHead head) {
        byte[] label = HEAD_LABEL.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(label.length + 8 + 8 + 1 + Rfc9162Hasher.HASH_BYTES);
        buffer.put(label);
        buffer.putLong(head.timestamp().toEpochMilli());
        buffer.putLong(head.treeSize());
        buffer.put((byte) Rfc9162Hasher.HASH_BYTES);
        buffer.put(head.rootHash().bytes());
        return buffer.array();
    }

    static byte[] countersignatureBytes(SignedTreeHead signed) {
        byte[] label = COUNTERSIGNATURE_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] head = headBytes(signed.head());
        ByteBuffer buffer = ByteBuffer.allocate(label.length + head.length + 1 + SignatureBytes.ED25519_BYTES);
        buffer.put(label).put(head);
        buffer.put((byte) SignatureBytes.ED25519_BYTES);
        buffer.put(signed.signature().bytes());
        return buffer.array();
    }

    static SignedTreeHead sign(TreeHead head, PrivateKey key) {
        return new SignedTreeHead(head, SignatureBytes.of(signBytes(headBytes(head), key)));
    }

    static CountersignedTreeHead countersign(SignedTreeHead peerHead, PrivateKey key) {
        return new CountersignedTreeHead(peerHead, SignatureBytes.of(signBytes(countersignatureBytes(peerHead), key)));
    }

    static void verifyHead(SignedTreeHead signed, PublicKey key) {
        if (!verifyBytes(headBytes(signed.head()), signed.signature(), key)) {
            throw new LedgerException("tree head signature does not verify: the head of size "
                    + signed.treeSize() + " at " + signed.head().timestamp()
                    + " was not signed by this key, or was changed after signing");
        }
    }

    static void verifyCountersignature(CountersignedTreeHead cosigned, PublicKey key) {
        if (!verifyBytes(countersignatureBytes(cosigned.signedHead()), cosigned.countersignature(), key)) {
            throw new LedgerException("countersignature does not verify: the head of size "
                    + cosigned.signedHead().treeSize() + " was not countersigned by this key");
        }
    }

    static byte[] signBytes(byte[] message, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (InvalidKeyException e) {
            throw new LedgerException("the node signing key is not an Ed25519 key (" + key.getAlgorithm() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new LedgerException("Ed25519 signing failed: " + e.getMessage(), e);
        }
    }

    static boolean verifyBytes(byte[] message, SignatureBytes signatureBytes, PublicKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes.bytes());
        } catch (InvalidKeyException e) {
            throw new LedgerException("the verifying key is not an Ed25519 key (" + key.getAlgorithm() + ")", e);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new LedgerException("Ed25519 verification is unavailable: " + e.getMessage(), e);
        }
    }
}
