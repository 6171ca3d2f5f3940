package org.parley.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Pure Ed25519 (RFC 8032 section 5.1, no context, no prehash) on raw 32-byte keys, with
 * BouncyCastle's constant-time RFC 8032 arithmetic instead of the JDK provider. The JDK's Ed25519
 * signed about 2,200 envelopes/s on our machine and verified more slowly; delivery needs four such
 * operations per envelope (issue 8). Keys on disk stay PKCS#8 / X.509 SubjectPublicKeyInfo
 * (RFC 8410); only the raw key bytes inside them are used here. Signatures are byte-for-byte the
 * JDK's (Ed25519 signing is deterministic), and each side verifies the other's (see the tests).
 */
final class Ed25519 {
    /** id-Ed25519, RFC 8410 section 3. */
    private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    static final int KEY_BYTES = org.bouncycastle.math.ec.rfc8032.Ed25519.SECRET_KEY_SIZE;
    static final int SIGNATURE_BYTES = org.bouncycastle.math.ec.rfc8032.Ed25519.SIGNATURE_SIZE;

    private Ed25519() {}

    /** A signing key: the 32-byte seed and the public key derived from it. */
    static final class SigningKey {
        private final byte[] seed;
        private final byte[] publicKey;

        private SigningKey(byte[] seed) {
            if (seed.length != KEY_BYTES) {
                throw new CryptoException("an Ed25519 private key is " + KEY_BYTES + " bytes, not " + seed.length);
            }
            this.seed = seed.clone();
            this.publicKey = new byte[KEY_BYTES];
            org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
        }

        static SigningKey ofSeed(byte[] seed) {
            return new SigningKey(seed);
        }

        /** The raw key inside a PKCS#8 Ed25519 private key (RFC 8410 section 7: an OCTET STRING in one). */
        static SigningKey of(PrivateKey key) {
            try {
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
                if (!info.getPrivateKeyAlgorithm().getAlgorithm().equals(ID_ED25519)) {
                    throw new CryptoException("not an Ed25519 private key: algorithm "
                            + info.getPrivateKeyAlgorithm().getAlgorithm());
                }
                return new SigningKey(
                        ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets());
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new CryptoException("cannot read the Ed25519 private key: " + e.getMessage(), e);
            }
        }

        byte[] publicKey() {
            return publicKey.clone();
        }

        byte[] sign(byte[] message) {
            byte[] signature = new byte[SIGNATURE_BYTES];
            // The public key passed in was derived from the seed above, so the variant that takes it
            // (and skips deriving it again, half the cost of a signature) signs with a matching pair.
            org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
                    seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
            return signature;
        }
    }

    /** A verification key, decoded and checked once. */
    static final class VerifyingKey {
        private final org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point;

        private VerifyingKey(org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point) {
            this.point = point;
        }

        /**
         * Decodes a raw 32-byte public key, refusing a non-canonical encoding, a point off the curve
         * and (stricter than the JDK, which no certified key of ours can trip) a point of small
         * order.
         */
        static VerifyingKey ofRaw(byte[] raw) {
            if (raw.length != KEY_BYTES) {
                throw new CryptoException("an Ed25519 public key is " + KEY_BYTES + " bytes, not " + raw.length);
            }
            var point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(raw, 0);
            if (point == null) {
                throw new CryptoException("not a valid Ed25519 public key (RFC 8032 section 5.1.3)");
            }
            return new VerifyingKey(point);
        }

        /** The key inside an X.509 SubjectPublicKeyInfo (RFC 8410 section 4). */
        static VerifyingKey of(PublicKey key) {
            return ofRaw(rawOf(key));
        }

        /** The raw 32 bytes inside an X.509 SubjectPublicKeyInfo (RFC 8410 section 4). */
        static byte[] rawOf(PublicKey key) {
            SubjectPublicKeyInfo info;
            try {
                info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            } catch (IllegalArgumentException e) {
                throw new CryptoException("cannot read the Ed25519 public key: " + e.getMessage(), e);
            }
            if (!info.getAlgorithm().getAlgorithm().equals(ID_ED25519)) {
                throw new CryptoException("not an Ed25519 public key: algorithm "
                        + info.getAlgorithm().getAlgorithm());
            }
            return info.getPublicKeyData().getOctets();
        }

        /**
         * RFC 8032 section 5.1.7 verification, kept strict like the JDK's: an S that is not below the
         * group order L is refused (the RFC's "0 <= s < L" check, which rules out the malleable
         * S + L form of a valid signature), and so is an R that is not a canonical point encoding.
         * The public key was fully validated when this key was made. A signature of the wrong
         * length is refused before any arithmetic.
         */
        boolean verify(byte[] message, byte[] signature) {
            if (signature.length != SIGNATURE_BYTES) {
                return false;
            }
            return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, point, message, 0, message.length);
        }
    }
}
