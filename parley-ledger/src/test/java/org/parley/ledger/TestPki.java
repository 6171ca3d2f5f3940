package org.parley.ledger;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A party CA and node signing certificates for tests (RFC 5280 profile, Ed25519 throughout). */
final class TestPki {
    final String party;
    final KeyPair caKeys = TestKeys.ed25519();
    final X509Certificate ca;
    private final Instant now;

    TestPki(String party, Instant now) {
        this.party = party;
        this.now = now;
        this.ca = issue(
                "O=" + party + ",CN=" + party + " party CA",
                caKeys,
                "O=" + party + ",CN=" + party + " party CA",
                caKeys,
                true);
    }

    /** A node signing certificate for {@code keys}, issued by this party's CA. */
    X509Certificate signing(KeyPair keys) {
        return issue(
                "O=" + party + ",CN=" + party + " party CA",
                caKeys,
                "O=" + party + ",CN=" + party + " node",
                keys,
                false);
    }

    private X509Certificate issue(String issuer, KeyPair issuerKeys, String subject, KeyPair subjectKeys, boolean ca) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    new X500Name(issuer),
                    BigInteger.valueOf(System.nanoTime()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    new X500Name(subject),
                    subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("Ed25519").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue test certificate " + subject, e);
        }
    }
}
