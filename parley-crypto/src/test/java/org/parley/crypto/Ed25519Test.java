package org.parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.testing.SeededTest;
import org.parley.wire.Envelope;
import org.parley.wire.Payload;
import org.parley.wire.Signature;
import org.parley.wire.SignedEnvelope;

/**
 * The BouncyCastle-backed Ed25519 against RFC 8032's published vectors and against the JDK's
 * provider in both directions, so keys and signatures made before the switch keep working.
 */
class Ed25519Test {
    private static final HexFormat HEX = HexFormat.of();
    /** The group order L, RFC 8032 section 5.1. */
    private static final BigInteger L =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    /** RFC 8032 section 7.1, TEST 1, TEST 2 and TEST 3: secret key, public key, message, signature. */
    @ParameterizedTest
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,"
                + "'',"
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,"
                + "72,"
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025,"
                + "af82,"
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    })
    void sign_rfc8032Vector_matchesPublishedKeyAndSignatureAndVerifies(
            String secretHex, String publicHex, String messageHex, String signatureHex) {
        byte[] message = HEX.parseHex(messageHex);
        Ed25519.SigningKey key = Ed25519.SigningKey.ofSeed(HEX.parseHex(secretHex));

        byte[] signature = key.sign(message);

        assertThat(HEX.formatHex(key.publicKey())).isEqualTo(publicHex);
        assertThat(HEX.formatHex(signature)).isEqualTo(signatureHex);
        assertThat(Ed25519.VerifyingKey.ofRaw(HEX.parseHex(publicHex)).verify(message, HEX.parseHex(signatureHex)))
                .isTrue();
    }

    @SeededTest(tries = 50)
    void verify_jdkSignature_isAcceptedByBouncyCastle(SplittableRandom random) throws GeneralSecurityException {
        byte[] message = message(random);
        KeyPair pair = jdkKeyPair();

        byte[] signature = jdkSign(pair.getPrivate(), message);

        assertThat(Ed25519.VerifyingKey.of(pair.getPublic()).verify(message, signature))
                .isTrue();
    }

    @SeededTest(tries = 50)
    void sign_bouncyCastleSignature_isAcceptedByJdkAndIdenticalToJdks(SplittableRandom random)
            throws GeneralSecurityException {
        byte[] message = message(random);
        KeyPair pair = jdkKeyPair();

        byte[] signature = Ed25519.SigningKey.of(pair.getPrivate()).sign(message);

        assertThat(jdkVerify(pair.getPublic(), message, signature)).isTrue();
        // Ed25519 is deterministic (RFC 8032 section 5.1.6): the same key and message give one signature.
        assertThat(signature).isEqualTo(jdkSign(pair.getPrivate(), message));
    }

    @Test
    void verify_nonCanonicalS_isRefusedLikeTheJdkRefusesIt() throws GeneralSecurityException {
        KeyPair pair = jdkKeyPair();
        byte[] message = "parley".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] signature = jdkSign(pair.getPrivate(), message);

        byte[] malleated = withSPlusL(signature);

        assertThat(malleated).isNotEqualTo(signature);
        assertThat(jdkVerify(pair.getPublic(), message, malleated)).isFalse();
        assertThat(Ed25519.VerifyingKey.of(pair.getPublic()).verify(message, malleated))
                .isFalse();
    }

    @Test
    void verify_changedMessageOrShortSignature_isRefused() throws GeneralSecurityException {
        KeyPair pair = jdkKeyPair();
        byte[] message = {1, 2, 3};
        byte[] signature = jdkSign(pair.getPrivate(), message);
        Ed25519.VerifyingKey key = Ed25519.VerifyingKey.of(pair.getPublic());

        assertThat(key.verify(new byte[] {1, 2, 4}, signature)).isFalse();
        assertThat(key.verify(message, java.util.Arrays.copyOf(signature, 63))).isFalse();
    }

    @Test
    void ofRaw_smallOrderPoint_isRefused() {
        // The identity point (y = 1) has order 1: a key that "verifies" forged signatures.
        byte[] identity = new byte[32];
        identity[0] = 1;

        assertThatThrownBy(() -> Ed25519.VerifyingKey.ofRaw(identity)).isInstanceOf(CryptoException.class);
    }

    @Test
    void signerAndVerifier_envelopeSignedByJdk_verifiesAndSignerOutputVerifiesWithJdk()
            throws GeneralSecurityException {
        Signer signer = Fixtures.blue().signer();
        Envelope envelope = Fixtures.blueToRed(Fixtures.NOW)
                .payload(new Payload.Text("interop"))
                .build();
        SignedEnvelope ours = signer.sign(envelope);
        byte[] input = Signer.signingInput(ours.canonical());
        PublicKey publicKey =
                Fixtures.red().verifier().peerSigningKey(signer.keyId()).orElseThrow();

        byte[] jdkSignature = jdkSign(signer.privateKeyForLedger(), input);
        SignedEnvelope theirs = new SignedEnvelope(ours.canonical(), Signature.of(jdkSignature));

        assertThat(jdkVerify(publicKey, input, ours.signature().toByteArray())).isTrue();
        assertThat(Fixtures.red().verifier().verify(theirs).envelope()).isEqualTo(envelope);
    }

    /** S is the little-endian second half of the signature; S + L still fits in 32 bytes. */
    private static byte[] withSPlusL(byte[] signature) {
        byte[] s = new byte[32];
        for (int i = 0; i < 32; i++) {
            s[31 - i] = signature[32 + i];
        }
        byte[] sum = new BigInteger(1, s).add(L).toByteArray();
        byte[] out = signature.clone();
        java.util.Arrays.fill(out, 32, 64, (byte) 0);
        for (int i = 0; i < sum.length && i < 32; i++) {
            out[32 + i] = sum[sum.length - 1 - i];
        }
        return out;
    }

    private static KeyPair jdkKeyPair() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static byte[] jdkSign(PrivateKey key, byte[] message) throws GeneralSecurityException {
        java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
        ed25519.initSign(key);
        ed25519.update(message);
        return ed25519.sign();
    }

    private static boolean jdkVerify(PublicKey key, byte[] message, byte[] signature) throws GeneralSecurityException {
        java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
        ed25519.initVerify(key);
        ed25519.update(message);
        try {
            return ed25519.verify(signature);
        } catch (java.security.SignatureException e) {
            return false; // the JDK throws rather than answering false for e.g. "s is too large"
        }
    }

    /** Up to 2,000 random bytes; empty and one-byte messages come up often enough to be tried. */
    private static byte[] message(SplittableRandom random) {
        byte[] message = new byte[random.nextInt(4) == 0 ? random.nextInt(2) : random.nextInt(2001)];
        random.nextBytes(message);
        return message;
    }
}
