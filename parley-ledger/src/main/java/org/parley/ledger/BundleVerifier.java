package org.parley.ledger;

import java.nio.charset.StandardCharsets;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link ProofBundle} offline against pinned party CAs, every check on its own so the
 * report says exactly what fails. Certificates are validated (RFC 5280 path validation, JDK PKIX,
 * no revocation: there is no network) as of the tree head's timestamp, the moment the record is
 * claimed; a bundle stays checkable after the certificates expire.
 */
final class BundleVerifier {
    /** docs/decisions.md, decision 1: the envelope signature covers this label followed by the canonical bytes. */
    static final String ENVELOPE_LABEL = "parley/v1/envelope\n";

    private final List<X509Certificate> trustedCas;
    private final List<BundleReport.Check> checks = new ArrayList<>();

    private BundleVerifier(List<X509Certificate> trustedCas) {
        this.trustedCas = List.copyOf(trustedCas);
    }

    static BundleReport verify(ProofBundle bundle, List<X509Certificate> trustedCas) {
        return new BundleVerifier(trustedCas).run(bundle);
    }

    private BundleReport run(ProofBundle bundle) {
        SignedTreeHead head = bundle.treeHead().signedHead();
        Date at = Date.from(head.head().timestamp());
        chain("envelope signer certificate", bundle.envelopeSignerCertificates(), at);
        envelopeSignature(bundle);
        Optional<X509Certificate> ownerCa = chain("log owner certificate", bundle.logOwnerCertificates(), at);
        check(
                "tree head signature",
                () -> head.verify(bundle.logOwnerCertificates().get(0).getPublicKey()),
                "signed by " + subject(bundle.logOwnerCertificates().get(0)) + ": size " + head.treeSize() + ", root "
                        + head.rootHash() + ", at " + head.head().timestamp());
        Optional<X509Certificate> counterCa =
                chain("countersigner certificate", bundle.countersignerCertificates(), at);
        if (ownerCa.isPresent() && counterCa.isPresent()) {
            boolean differ = !ownerCa.get().equals(counterCa.get());
            checks.add(new BundleReport.Check(
                    "countersigned by the other party",
                    differ,
                    differ
                            ? "log owner under " + subject(ownerCa.get()) + ", countersigner under "
                                    + subject(counterCa.get())
                            : "the countersigner's certificate chains to the log owner's own CA "
                                    + subject(ownerCa.get()) + "; a party cannot countersign its own record"));
        }
        check(
                "countersignature",
                () -> HeadSigning.verifyCountersignature(
                        bundle.treeHead(),
                        bundle.countersignerCertificates().get(0).getPublicKey()),
                "by " + subject(bundle.countersignerCertificates().get(0)));
        inclusion(bundle);
        return new BundleReport(checks);
    }

    private void envelopeSignature(ProofBundle bundle) {
        byte[] label = ENVELOPE_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] body = bundle.envelopeBytes().bytes();
        byte[] message = new byte[label.length + body.length];
        System.arraycopy(label, 0, message, 0, label.length);
        System.arraycopy(body, 0, message, label.length, body.length);
        X509Certificate signer = bundle.envelopeSignerCertificates().get(0);
        check(
                "envelope signature",
                () -> {
                    if (!HeadSigning.verifyBytes(message, bundle.envelopeSignature(), signer.getPublicKey())) {
                        throw new LedgerException("the envelope signature does not verify with the key of "
                                + subject(signer) + ": the envelope bytes were changed or another key signed them");
                    }
                },
                bundle.envelopeBytes().length() + " bytes signed by " + subject(signer));
    }

    private void inclusion(ProofBundle bundle) {
        InclusionProof proof = bundle.inclusionProof();
        SignedTreeHead head = bundle.treeHead().signedHead();
        check(
                "inclusion proof",
                () -> {
                    if (proof.treeSize() != head.treeSize()) {
                        throw new LedgerException("the proof is for a tree of " + proof.treeSize()
                                + " leaves, the signed head has " + head.treeSize());
                    }
                    Ledger.verifyInclusion(bundle.envelopeBytes().leafHash(), proof, head.rootHash());
                },
                "envelope is leaf " + proof.leafIndex() + " of " + head.treeSize() + " under root " + head.rootHash());
    }

    /** RFC 5280 section 6 path validation to any trusted CA; returns the CA that anchored it. */
    private Optional<X509Certificate> chain(String name, List<X509Certificate> certificates, Date at) {
        if (trustedCas.isEmpty()) {
            checks.add(new BundleReport.Check(name, false, "no trusted party CA was given"));
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        for (X509Certificate ca : trustedCas) {
            try {
                validate(certificates, ca, at);
                checks.add(new BundleReport.Check(
                        name,
                        true,
                        subject(certificates.get(0)) + " chains to " + subject(ca) + " at " + at.toInstant()));
                return Optional.of(ca);
            } catch (CertPathValidatorException | InvalidAlgorithmParameterException | CertificateException e) {
                reasons.add(subject(ca) + ": " + e.getMessage());
            }
        }
        checks.add(new BundleReport.Check(
                name,
                false,
                subject(certificates.get(0)) + " does not chain to any given CA at " + at.toInstant() + " ("
                        + String.join("; ", reasons) + ")"));
        return Optional.empty();
    }

    private static void validate(List<X509Certificate> certificates, X509Certificate ca, Date at)
            throws CertPathValidatorException, InvalidAlgorithmParameterException, CertificateException {
        Set<TrustAnchor> anchors = new HashSet<>();
        anchors.add(new TrustAnchor(ca, null));
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        try {
            PKIXCertPathValidatorResult unused = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(certificates), parameters);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no PKIX validator, which Java SE requires", e);
        }
    }

    private void check(String name, Runnable verification, String success) {
        try {
            verification.run();
            checks.add(new BundleReport.Check(name, true, success));
        } catch (LedgerException e) {
            checks.add(new BundleReport.Check(name, false, e.reason()));
        }
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
