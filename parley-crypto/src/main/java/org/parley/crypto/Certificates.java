package org.parley.crypto;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.parley.wire.KeyId;
import org.parley.wire.Party;

/**
 * Issues the three kinds of certificate of docs/decisions.md, decision 2 (RFC 5280 profiles):
 *
 * <pre>
 * party CA   Ed25519, self-signed, CA:true pathlen 0, keyCertSign|cRLSign          O=party
 * node TLS   EC P-256, issued by the CA, digitalSignature, EKU serverAuth+clientAuth, SANs
 * signing    Ed25519, issued by the CA, digitalSignature|nonRepudiation, no EKU     O=party
 * </pre>
 *
 * The party is the certificate's Organization (O) attribute in every case.
 */
final class Certificates {
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration LEAF_VALIDITY = Duration.ofDays(730);
    /** How long before it is made a certificate is already valid (see {@link #build}). */
    static final Duration VALID_BEFORE_MADE = Duration.ofDays(1);

    private static final String CA_SIGNATURE = "Ed25519";

    private Certificates() {}

    static KeyPair ed25519(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(java.security.spec.NamedParameterSpec.ED25519, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("this JDK cannot make Ed25519 keys", e);
        }
    }

    static KeyPair p256(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("this JDK cannot make EC P-256 keys", e);
        }
    }

    static X500Name name(Party party, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, party.name())
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    static X509Certificate issueCa(Party party, KeyPair ca, Instant now, SecureRandom random) {
        X500Name subject = name(party, "Parley party CA " + party.name());
        return build(subject, subject, ca.getPublic(), ca.getPrivate(), now, CA_VALIDITY, random, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
    }

    static X509Certificate issueTls(
            Party party,
            PublicKey node,
            X509Certificate caCertificate,
            PrivateKey caKey,
            List<String> hostNames,
            Instant now,
            SecureRandom random) {
        X500Name issuer =
                X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
        return build(issuer, name(party, "Parley node " + party.name()), node, caKey, now, LEAF_VALIDITY, random, b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth
            }));
            b.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(hostNames));
        });
    }

    static X509Certificate issueSigning(
            Party party,
            PublicKey signing,
            X509Certificate caCertificate,
            PrivateKey caKey,
            Instant now,
            SecureRandom random) {
        X500Name issuer =
                X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
        X500Name subject = name(party, "Parley signing key " + keyId(signing).hex());
        return build(issuer, subject, signing, caKey, now, LEAF_VALIDITY, random, b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        });
    }

    private static GeneralNames subjectAltNames(List<String> hostNames) {
        List<GeneralName> names = new ArrayList<>();
        for (String host : hostNames) {
            names.add(
                    looksLikeAddress(host)
                            ? new GeneralName(GeneralName.iPAddress, host)
                            : new GeneralName(GeneralName.dNSName, host));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static boolean looksLikeAddress(String host) {
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            InetAddress.getByName(host); // literal addresses only: no lookup happens for these shapes
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private static X509Certificate build(
            X500Name issuer,
            X500Name subject,
            PublicKey subjectKey,
            PrivateKey issuerKey,
            Instant now,
            Duration validity,
            SecureRandom random,
            Extensions extensions) {
        try {
            // RFC 5280 4.1.2.2: positive, at most 20 octets; 159 random bits.
            BigInteger serial = new BigInteger(159, random).setBit(0);
            // Valid from a day before it is made, as public CAs back-date: a node whose clock is stepped
            // back (issue 20, clock-step fault) must still connect and sign with a key made today, or
            // each envelope it signs is refused for good as signed before its key existed. A day
            // matches the age bound on envelopes (federation's Inbound.MAX_AGE).
            Instant notBefore = now.minus(VALID_BEFORE_MADE);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuer, serial, Date.from(notBefore), Date.from(now.plus(validity)), subject, subjectKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            extensions.add(builder);
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(CA_SIGNATURE).build(issuerKey)));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new CryptoException("cannot issue certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    /** First 16 bytes of SHA-256 over the SubjectPublicKeyInfo DER, as the envelope's signer id. */
    static KeyId keyId(PublicKey key) {
        byte[] digest = Fingerprint.sha256(key.getEncoded());
        return new KeyId(HexFormat.of().formatHex(digest, 0, 16));
    }

    /** The party named in a certificate's subject O attribute, if any and well-formed. */
    static Optional<Party> partyOf(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            for (Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("O") && rdn.getValue() instanceof String value) {
                    return Optional.of(new Party(value));
                }
            }
            return Optional.empty();
        } catch (InvalidNameException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
