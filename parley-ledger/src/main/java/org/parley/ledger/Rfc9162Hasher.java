package org.parley.ledger;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Merkle tree hash function of RFC 9162 section 2.1.1 with SHA-256: a leaf is hashed as {@code
 * SHA-256(0x00 || data)} and an interior node as {@code SHA-256(0x01 || left || right)}; the
 * distinct prefixes keep a leaf from ever being taken for a node (second-preimage resistance).
 *
 * <p>This is the only code shared by the tree builder and the proof verifier. An instance holds a
 * {@link MessageDigest} and is therefore not thread-safe; make one per thread or per lock holder.
 */
final class Rfc9162Hasher {
    /** SHA-256 output length in bytes. */
    static final int HASH_BYTES = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final MessageDigest PROTOTYPE = newSha256();

    private final MessageDigest digest;

    private Rfc9162Hasher(MessageDigest digest) {
        this.digest = digest;
    }

    static Rfc9162Hasher create() {
        try {
            return new Rfc9162Hasher((MessageDigest) PROTOTYPE.clone());
        } catch (CloneNotSupportedException e) {
            return new Rfc9162Hasher(newSha256());
        }
    }

    /** RFC 9162 section 2.1.1: the hash of an empty list is the hash of an empty string. */
    byte[] emptyRoot() {
        return digest.digest();
    }

    /** RFC 9162 section 2.1.1: {@code MTH({d(0)}) = HASH(0x00 || d(0))}. */
    byte[] leaf(byte[] data) {
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    /** RFC 9162 section 2.1.1: {@code HASH(0x01 || left || right)}. */
    byte[] node(byte[] left, byte[] right) {
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** As {@link #node(byte[], byte[])}, reading and writing at offsets to avoid copies. */
    void node(byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
        digest.update(NODE_PREFIX);
        digest.update(left, leftOffset, HASH_BYTES);
        digest.update(right, rightOffset, HASH_BYTES);
        try {
            digest.digest(out, outOffset, HASH_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 refused a 32-byte output buffer", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256, which every Java SE must provide", e);
        }
    }
}
