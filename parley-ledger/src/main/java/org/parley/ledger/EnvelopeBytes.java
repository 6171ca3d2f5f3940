package org.parley.ledger;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/** The exact bytes of one record entry (an envelope's canonical bytes), copied in and out. */
public final class EnvelopeBytes {
    private final byte[] bytes;

    private EnvelopeBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static EnvelopeBytes of(byte[] bytes) {
        return new EnvelopeBytes(bytes.clone());
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    byte[] bytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    /** The RFC 9162 leaf hash of these bytes. */
    public MerkleHash leafHash() {
        return MerkleHash.ofLeafData(bytes);
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnvelopeBytes that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EnvelopeBytes[" + bytes.length + " bytes, leaf " + leafHash() + "]";
    }
}
