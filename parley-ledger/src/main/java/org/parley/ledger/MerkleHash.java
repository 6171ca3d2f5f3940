package org.parley.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A 32-byte SHA-256 value in the Merkle tree: a leaf hash, an interior node or a root. Immutable:
 * the bytes are copied on the way in and out.
 */
public final class MerkleHash {
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private MerkleHash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps a copy of 32 bytes; throws {@link IllegalArgumentException} for any other length. */
    public static MerkleHash of(byte[] bytes) {
        if (bytes.length != Rfc9162Hasher.HASH_BYTES) {
            throw new IllegalArgumentException("a Merkle hash is 32 bytes (SHA-256), got " + bytes.length + " bytes");
        }
        return new MerkleHash(bytes.clone());
    }

    /** Parses 64 hex digits; throws {@link IllegalArgumentException} saying what is wrong. */
    public static MerkleHash fromHex(String hex) {
        if (hex.length() != 2 * Rfc9162Hasher.HASH_BYTES) {
            throw new IllegalArgumentException(
                    "a Merkle hash is 64 hex digits, got " + hex.length() + " characters: '" + hex + "'");
        }
        return new MerkleHash(HEX.parseHex(hex));
    }

    /** The RFC 9162 section 2.1.1 leaf hash {@code SHA-256(0x00 || data)} of the exact bytes given. */
    public static MerkleHash ofLeafData(byte[] data) {
        return new MerkleHash(Rfc9162Hasher.create().leaf(data));
    }

    /** Wraps without copying; only for arrays this package just made and never shares. */
    static MerkleHash wrap(byte[] owned) {
        return new MerkleHash(owned);
    }

    static List<MerkleHash> wrapAll(List<byte[]> raw) {
        List<MerkleHash> out = new ArrayList<>(raw.size());
        for (byte[] hash : raw) {
            out.add(wrap(hash));
        }
        return out;
    }

    static List<byte[]> rawAll(List<MerkleHash> hashes) {
        List<byte[]> out = new ArrayList<>(hashes.size());
        for (MerkleHash hash : hashes) {
            out.add(hash.bytes);
        }
        return out;
    }

    /** A copy of the 32 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The package's own view, not to be modified. */
    byte[] bytes() {
        return bytes;
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        // Constant-time comparison: roots and proofs come from the other party.
        return other instanceof MerkleHash hash && MessageDigest.isEqual(bytes, hash.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
