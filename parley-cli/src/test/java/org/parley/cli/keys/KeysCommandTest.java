package org.parley.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.ParleyCli;
import picocli.CommandLine;

class KeysCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ParleyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String sha256Grouped(Path certificate) throws Exception {
        X509Certificate parsed;
        try (var in = Files.newInputStream(certificate)) {
            parsed = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String hex = HexFormat.of()
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(parsed.getEncoded()));
        return hex.substring(0, 4) + " " + hex.substring(4, 8);
    }

    @Test
    void init_newFolder_createsOwnerOnlyKeysAndPrintsCaFingerprint(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("keys");

        int code = run("keys", "init", "--party", "BLUE", "--dir", dir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key"))))
                .isEqualTo("rw-------");
        assertThat(out.toString()).contains("Party BLUE").contains("1: " + sha256Grouped(dir.resolve("ca.crt")));
    }

    @Test
    void trust_peerCa_pinsItAndShowPrintsItsFingerprint(@TempDir Path tmp) throws Exception {
        Path blue = tmp.resolve("blue");
        Path red = tmp.resolve("red");
        assertThat(run("keys", "init", "--party", "BLUE", "--dir", blue.toString()))
                .isZero();
        assertThat(run("keys", "init", "--party", "RED", "--dir", red.toString()))
                .isZero();

        Path redSigning;
        try (var files = Files.list(red.resolve("signing"))) {
            redSigning =
                    files.filter(p -> p.toString().endsWith(".crt")).findFirst().orElseThrow();
        }
        int code = run(
                "keys",
                "trust",
                "--dir",
                blue.toString(),
                "--peer-ca",
                red.resolve("ca.crt").toString(),
                "--peer-signing",
                redSigning.toString());
        out.getBuffer().setLength(0);
        run("keys", "show", "--dir", blue.toString(), "--json");

        assertThat(code).as(err.toString()).isZero();
        String redCa = sha256Grouped(red.resolve("ca.crt")).replace(" ", "");
        assertThat(out.toString()).contains("\"party\":\"BLUE\"").contains("\"peerCaSha256\":\"" + redCa);
    }

    @Test
    void trust_ownCa_failsWithAReason(@TempDir Path tmp) {
        Path blue = tmp.resolve("blue");
        run("keys", "init", "--party", "BLUE", "--dir", blue.toString());

        int code = run(
                "keys",
                "trust",
                "--dir",
                blue.toString(),
                "--peer-ca",
                blue.resolve("ca.crt").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("parley keys trust:").contains("not of the peer");
    }

    @Test
    void show_missingFolder_saysHowToCreateKeys(@TempDir Path tmp) {
        int code = run("keys", "show", "--dir", tmp.resolve("none").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("parley keys init");
    }

    @Test
    void rotate_existingKeys_makesANewCurrentSigningKey(@TempDir Path tmp) throws Exception {
        Path blue = tmp.resolve("blue");
        run("keys", "init", "--party", "BLUE", "--dir", blue.toString());
        String before =
                Files.readString(blue.resolve("signing").resolve("current")).strip();

        int code = run("keys", "rotate", "--dir", blue.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(blue.resolve("signing").resolve("current")).strip())
                .isNotEqualTo(before);
    }

    @Test
    void revoke_rotatedAwayKey_writesCaSignedListAndRefusesTheCurrentKey(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("keys");
        assertThat(run("keys", "init", "--party", "BLUE", "--dir", dir.toString()))
                .isZero();
        String first =
                Files.readString(dir.resolve("signing").resolve("current")).strip();
        assertThat(run("keys", "rotate", "--dir", dir.toString())).isZero();
        String second =
                Files.readString(dir.resolve("signing").resolve("current")).strip();

        assertThat(run("keys", "revoke", "--dir", dir.toString(), "--key", second))
                .as("the current key")
                .isEqualTo(1);
        assertThat(err.toString()).contains("keys rotate");
        int code = run("keys", "revoke", "--dir", dir.toString(), "--key", first, "--from", "2026-12-05T12:00:00Z");

        assertThat(code).as(err.toString()).isZero();
        java.security.cert.X509CRL list;
        try (var in = Files.newInputStream(dir.resolve("revoked.crl"))) {
            list = (java.security.cert.X509CRL)
                    CertificateFactory.getInstance("X.509").generateCRL(in);
        }
        X509Certificate ca;
        try (var in = Files.newInputStream(dir.resolve("ca.crt"))) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        list.verify(ca.getPublicKey()); // throws unless the party CA signed it
        X509Certificate revoked;
        try (var in = Files.newInputStream(dir.resolve("signing").resolve(first + ".crt"))) {
            revoked = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(list.getRevokedCertificate(revoked).getRevocationDate().toInstant())
                .isEqualTo(java.time.Instant.parse("2026-12-05T12:00:00Z"));
        assertThat(list.getRevokedCertificates()).hasSize(1);
    }
}
