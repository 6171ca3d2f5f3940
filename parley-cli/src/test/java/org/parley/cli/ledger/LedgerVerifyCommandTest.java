package org.parley.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.ParleyCli;
import org.parley.ledger.CrossCheck;
import org.parley.ledger.LeafStore;
import org.parley.ledger.Ledger;
import org.parley.ledger.SignatureBytes;
import org.parley.ledger.TreeHeadStore;
import org.parley.testing.TestClock;
import picocli.CommandLine;

/** {@code parley ledger verify BUNDLE --peer-ca FILE}: offline, and says exactly what fails. */
class LedgerVerifyCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void verify_honestBundle_printsEveryCheckPassedAndExitsZero() throws Exception {
        Fixture f = fixture();

        int code = run(
                "ledger",
                "verify",
                f.bundle.toString(),
                "--peer-ca",
                f.blueCa.toString(),
                "--own-ca",
                f.redCa.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("PASS  inclusion proof").contains("VERIFIED, every check passed");
    }

    @Test
    void verify_envelopeAltered_namesFailedChecksAndExitsOne() throws Exception {
        Fixture f = fixture();
        String json = Files.readString(f.bundle);
        String original = f.envelopeBase64();
        String forged = Base64.getEncoder().encodeToString("{\"text\":\"all clear\"}".getBytes(StandardCharsets.UTF_8));
        Files.writeString(f.bundle, json.replace(original, forged));

        int code = run(
                "ledger",
                "verify",
                f.bundle.toString(),
                "--peer-ca",
                f.blueCa.toString(),
                "--own-ca",
                f.redCa.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL  envelope signature")
                .contains("FAIL  inclusion proof")
                .contains("NOT VERIFIED, 2 of 8 checks failed");
    }

    @Test
    void verify_withoutOwnCa_reportsCountersignerAsJson() throws Exception {
        Fixture f = fixture();

        int code = run("ledger", "verify", f.bundle.toString(), "--peer-ca", f.blueCa.toString(), "--json");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString())
                .contains("\"verified\":false")
                .contains("\"name\":\"countersigner certificate\",\"passed\":false");
    }

    @Test
    void verify_missingBundleFile_exitsTwoWithReason() {
        int code = run(
                "ledger",
                "verify",
                dir.resolve("nope.json").toString(),
                "--peer-ca",
                dir.resolve("ca.pem").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read the bundle");
    }

    @Test
    void verify_caFileNotACertificate_exitsTwoWithReason() throws Exception {
        Fixture f = fixture();
        Path notPem = Files.writeString(dir.resolve("notes.txt"), "call the duty officer");

        int code = run("ledger", "verify", f.bundle().toString(), "--peer-ca", notPem.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("notes.txt is not a PEM or DER X.509 certificate");
    }

    @Test
    void proof_withoutNodeConfig_exitsTwoAndWritesNothing() {
        Path target = dir.resolve("bundle.json");
        int code = run(
                "ledger", "proof", "--envelope", "0190f3a2-7b1c-7d2e-9f00-000000000001", "--out", target.toString());

        assertThat(code).isEqualTo(2);
        assertThat(target).doesNotExist();
    }

    private int run(String... args) {
        CommandLine cli = ParleyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private record Fixture(Path bundle, Path blueCa, Path redCa, String envelopeBase64) {}

    /** BLUE sends an envelope, RED countersigns BLUE's head at a link test, BLUE writes the bundle. */
    private Fixture fixture() throws Exception {
        KeyPair blueCaKeys = ed25519();
        KeyPair redCaKeys = ed25519();
        KeyPair blueNode = ed25519();
        KeyPair redNode = ed25519();
        X509Certificate blueCa = certificate("BLUE", blueCaKeys, blueCaKeys, true);
        X509Certificate redCa = certificate("RED", redCaKeys, redCaKeys, true);
        Ledger blue = Ledger.open(LeafStore.inMemory(), TreeHeadStore.inMemory(), blueNode, clock);
        Ledger red = Ledger.open(LeafStore.inMemory(), TreeHeadStore.inMemory(), redNode, clock);
        byte[] envelope = "{\"precedence\":\"FLASH\",\"text\":\"unsafe approach\"}".getBytes(StandardCharsets.UTF_8);
        blue.append("earlier".getBytes(StandardCharsets.UTF_8));
        long leaf = blue.append(envelope);
        CrossCheck.Consistent consistent =
                (CrossCheck.Consistent) red.crossCheck(blue.offerTreeHead(0), blueNode.getPublic());
        blue.acceptCountersignature(consistent.countersigned(), redNode.getPublic());
        X509Certificate blueSigning = certificate("BLUE", blueCaKeys, blueNode, false);
        String json = blue.proofBundle(
                        leaf,
                        envelope,
                        signEnvelope(blueNode, envelope),
                        List.of(blueSigning),
                        List.of(blueSigning),
                        List.of(certificate("RED", redCaKeys, redNode, false)))
                .toJson();
        Path bundle = Files.writeString(dir.resolve("bundle.json"), json);
        return new Fixture(
                bundle,
                pem(blueCa, "blue-ca.pem"),
                pem(redCa, "red-ca.pem"),
                Base64.getEncoder().encodeToString(envelope));
    }

    private Path pem(X509Certificate certificate, String name) throws GeneralSecurityException, IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return Files.writeString(
                dir.resolve(name), "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
    }

    private static SignatureBytes signEnvelope(KeyPair keys, byte[] canonical) throws GeneralSecurityException {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(keys.getPrivate());
        ed25519.update("parley/v1/envelope\n".getBytes(StandardCharsets.US_ASCII));
        ed25519.update(canonical);
        return SignatureBytes.of(ed25519.sign());
    }

    private static KeyPair ed25519() throws GeneralSecurityException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private X509Certificate certificate(String party, KeyPair issuer, KeyPair subject, boolean ca) throws Exception {
        X500Name caName = new X500Name("O=" + party + ",CN=" + party + " party CA");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                caName,
                BigInteger.valueOf(System.nanoTime()),
                Date.from(clock.instant().minus(Duration.ofDays(1))),
                Date.from(clock.instant().plus(Duration.ofDays(365))),
                ca ? caName : new X500Name("O=" + party + ",CN=" + party + " node"),
                subject.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(ca ? KeyUsage.keyCertSign : KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("Ed25519").build(issuer.getPrivate())));
    }
}
