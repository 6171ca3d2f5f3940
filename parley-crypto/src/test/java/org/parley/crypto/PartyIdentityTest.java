package org.parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.crypto.Fixtures.BLUE;
import static org.parley.crypto.Fixtures.NOW;
import static org.parley.crypto.Fixtures.RANDOM;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.testing.TestClock;
import org.parley.wire.KeyId;
import org.parley.wire.Payload;
import org.parley.wire.SignedEnvelope;

class PartyIdentityTest {

    private static PartyIdentity fresh(Path dir, Optional<char[]> passphrase) {
        return PartyIdentity.init(dir, BLUE, List.of("localhost", "127.0.0.1"), passphrase, new TestClock(NOW), RANDOM);
    }

    @Test
    void init_newFolder_writesOwnerOnlyKeysAndCertificates(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("keys");
        fresh(dir, Optional.empty());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        for (String key : List.of("ca.key", "tls.key")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key))))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(dir.resolve(key))).startsWith("-----BEGIN PRIVATE KEY-----");
        }
        assertThat(Files.readString(dir.resolve("ca.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(dir.resolve("party"))).isEqualTo("BLUE\n");
    }

    @Test
    void init_certificates_followTheDesignProfiles(@TempDir Path tmp) {
        PartyIdentity identity = fresh(tmp.resolve("k"), Optional.empty());

        assertThat(identity.caCertificate().getBasicConstraints()).isZero();
        assertThat(identity.caCertificate().getPublicKey().getAlgorithm()).isIn("EdDSA", "Ed25519");
        assertThat(identity.tlsCertificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(identity.tlsCertificate().getSigAlgName()).isIn("Ed25519", "EdDSA");
        assertThat(identity.signingCertificates()).singleElement().satisfies(c -> {
            assertThat(c.getPublicKey().getAlgorithm()).isIn("EdDSA", "Ed25519");
            assertThat(c.getBasicConstraints()).isEqualTo(-1);
            assertThat(c.getSubjectX500Principal().getName()).contains("O=BLUE");
        });
    }

    @Test
    void init_folderWithKeys_isRefused(@TempDir Path tmp) {
        fresh(tmp.resolve("k"), Optional.empty());

        assertThatThrownBy(() -> fresh(tmp.resolve("k"), Optional.empty()))
                .hasMessageContaining("already holds party keys");
    }

    @Test
    void fingerprint_caCertificate_isSha256OfDerGroupedForReading(@TempDir Path tmp) throws Exception {
        PartyIdentity identity = fresh(tmp.resolve("k"), Optional.empty());
        String expected = HexFormat.of()
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(identity.caCertificate().getEncoded()));

        Fingerprint fingerprint = Fingerprint.of(identity.caCertificate());

        assertThat(fingerprint.hex()).isEqualTo(expected);
        assertThat(fingerprint.forReading().lines())
                .hasSize(4)
                .allMatch(l -> l.matches("\\d: [0-9A-F]{4}( [0-9A-F]{4}){3}"));
        assertThat(fingerprint.grouped().replace(" ", "")).isEqualTo(expected);
    }

    @Test
    void load_encryptedKeysWithoutPassphrase_saysAPassphraseIsNeeded(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("k");
        fresh(dir, Optional.of("correct horse".toCharArray()));
        assertThat(Files.readString(dir.resolve("tls.key"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        PartyIdentity loaded = PartyIdentity.load(dir, Optional.empty(), RANDOM);

        assertThat(loaded.party()).isEqualTo(BLUE);
        assertThatThrownBy(loaded::signer).hasMessageContaining("is encrypted: give the passphrase");
    }

    @Test
    void load_encryptedKeysWithWrongPassphrase_saysSo(@TempDir Path tmp) {
        Path dir = tmp.resolve("k");
        fresh(dir, Optional.of("correct horse".toCharArray()));

        PartyIdentity loaded = PartyIdentity.load(dir, Optional.of("wrong".toCharArray()), RANDOM);

        assertThatThrownBy(loaded::signer).hasMessageContaining("wrong passphrase");
    }

    @Test
    void load_encryptedKeysWithPassphrase_signs(@TempDir Path tmp) {
        Path dir = tmp.resolve("k");
        fresh(dir, Optional.of("correct horse".toCharArray()));

        PartyIdentity loaded = PartyIdentity.load(dir, Optional.of("correct horse".toCharArray()), RANDOM);

        assertThat(loaded.signer().keyId()).isEqualTo(loaded.currentSigningKeyId());
    }

    @Test
    void signer_keyReadableByOthers_isRefused(@TempDir Path tmp) throws Exception {
        PartyIdentity identity = fresh(tmp.resolve("k"), Optional.empty());
        Path key = identity.directory()
                .resolve("signing")
                .resolve(identity.currentSigningKeyId().hex() + ".key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(identity::signer).hasMessageContaining("readable by the owner only");
    }

    @Test
    void trustPeerCa_ownCa_isRefused(@TempDir Path tmp) throws Exception {
        PartyIdentity identity = fresh(tmp.resolve("k"), Optional.empty());

        assertThatThrownBy(() -> identity.trustPeerCa(
                        Files.readAllBytes(identity.directory().resolve("ca.crt"))))
                .hasMessageContaining("not of the peer");
    }

    @Test
    void trustPeerCa_leafCertificate_isRefused(@TempDir Path tmp) {
        PartyIdentity identity = fresh(tmp.resolve("k"), Optional.empty());
        byte[] leaf = PartyIdentity.pem(Fixtures.red().tlsCertificate()).getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> identity.trustPeerCa(leaf)).hasMessageContaining("is not a CA");
    }

    @Test
    void rotateSigningKey_afterRotation_oldAndNewEnvelopesVerify(@TempDir Path tmp) throws Exception {
        PartyIdentity blue = fresh(tmp.resolve("blue"), Optional.empty());
        PartyIdentity red = PartyIdentity.init(
                tmp.resolve("red"), Fixtures.RED, List.of("localhost"), Optional.empty(), new TestClock(NOW), RANDOM);
        red.trustPeerCa(Files.readAllBytes(blue.directory().resolve("ca.crt")));
        red.learnPeerSigningCertificate(blue.signer().certificatePem().getBytes(StandardCharsets.US_ASCII));
        SignedEnvelope old = blue.signer().sign(envelope(blue, "before rotation"));

        KeyId rotated = blue.rotateSigningKey(new TestClock(NOW.plus(Duration.ofDays(1))));
        red.learnPeerSigningCertificate(blue.signer().certificatePem().getBytes(StandardCharsets.US_ASCII));
        SignedEnvelope fresh = blue.signer().sign(envelope(blue, "after rotation"));

        assertThat(old.canonical().utf8()).doesNotContain(rotated.hex());
        assertThat(blue.currentSigningKeyId()).isEqualTo(rotated);
        assertThat(blue.signingCertificates()).hasSize(2);
        Verifier verifier = red.verifier();
        assertThat(verifier.verify(old).envelope().payload()).isEqualTo(new Payload.Text("before rotation"));
        assertThat(verifier.verify(fresh).envelope().signer()).isEqualTo(rotated);
    }

    private static org.parley.wire.Envelope envelope(PartyIdentity blue, String text) {
        return org.parley.wire.Envelope.builder(new TestClock(NOW.plus(Duration.ofDays(2))), RANDOM)
                .from(BLUE)
                .to(Fixtures.RED)
                .signer(blue.currentSigningKeyId())
                .payload(new Payload.Text(text))
                .build();
    }
}
