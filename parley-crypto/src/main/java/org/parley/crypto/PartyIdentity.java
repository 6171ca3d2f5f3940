package org.parley.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.parley.wire.KeyId;
import org.parley.wire.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A party's keys on disk, and everything the node makes from them: the envelope {@link Signer}, the
 * {@link Verifier} for the pinned peer CA, and the mutual TLS 1.3 context (docs/decisions.md, decision 2).
 *
 * <pre>
 * DIR/party                     party name, e.g. BLUE
 * DIR/ca.crt, ca.key            offline party CA (Ed25519); move ca.key off the node after init
 * DIR/tls.crt, tls.key          node TLS certificate (EC P-256) issued by the CA
 * DIR/signing/ID.crt, ID.key    envelope signing keys (Ed25519) issued by the CA, one per rotation
 * DIR/signing/current           id of the key that signs new envelopes
 * DIR/peer-ca.crt               the pinned CA of the other party
 * DIR/peer-signing/ID.crt       the other party's signing certificates learned so far
 * DIR/revoked.crl, peer-revoked/ revocations, own and the peer's ({@link RevocationFiles})
 * </pre>
 *
 * Private keys are 0600 in a 0700 folder and encrypted when a passphrase is given.
 */
public final class PartyIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(PartyIdentity.class);

    private final Path dir;
    private final Optional<char[]> passphrase;
    private final SecureRandom random;
    private final Party party;

    private PartyIdentity(Path dir, Optional<char[]> passphrase, SecureRandom random) {
        this.dir = dir;
        this.passphrase = passphrase.map(char[]::clone);
        this.random = random;
        this.party = new Party(read(dir.resolve("party")).strip());
    }

    /**
     * Creates a party CA, a node TLS certificate for {@code tlsHostNames} and a first signing key in
     * an empty (or new) folder.
     */
    public static PartyIdentity init(
            Path dir,
            Party party,
            List<String> tlsHostNames,
            Optional<char[]> passphrase,
            InstantSource clock,
            SecureRandom random) {
        if (tlsHostNames.isEmpty()) {
            throw new IllegalArgumentException("the node TLS certificate needs at least one host name or address");
        }
        try {
            if (Files.exists(dir.resolve("ca.crt")) || Files.exists(dir.resolve("party"))) {
                throw new CryptoException(dir + " already holds party keys; use another folder or 'keys rotate'");
            }
            KeyFiles.createPrivateDirectory(dir);
            KeyPair ca = Certificates.ed25519(random);
            X509Certificate caCertificate = Certificates.issueCa(party, ca, clock.instant(), random);
            KeyFiles.writePrivateKey(dir.resolve("ca.key"), ca.getPrivate(), passphrase, random);
            KeyFiles.writeCertificate(dir.resolve("ca.crt"), caCertificate);

            KeyPair tls = Certificates.p256(random);
            X509Certificate tlsCertificate = Certificates.issueTls(
                    party, tls.getPublic(), caCertificate, ca.getPrivate(), tlsHostNames, clock.instant(), random);
            KeyFiles.writePrivateKey(dir.resolve("tls.key"), tls.getPrivate(), passphrase, random);
            KeyFiles.writeCertificate(dir.resolve("tls.crt"), tlsCertificate);

            issueSigningKey(dir, party, caCertificate, ca.getPrivate(), passphrase, clock, random);
            Files.writeString(dir.resolve("party"), party.name() + "\n", StandardCharsets.US_ASCII);
            LOG.info("created party {} keys in {}", party, dir);
            return new PartyIdentity(dir, passphrase, random);
        } catch (IOException e) {
            throw new CryptoException("cannot create keys in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens a folder made by {@link #init}; private keys are read (and decrypted) when first needed. */
    public static PartyIdentity load(Path dir, Optional<char[]> passphrase, SecureRandom random) {
        if (!Files.isRegularFile(dir.resolve("party"))) {
            throw new CryptoException(dir + " holds no party keys; create them with 'parley keys init'");
        }
        return new PartyIdentity(dir, passphrase, random);
    }

    private static KeyId issueSigningKey(
            Path dir,
            Party party,
            X509Certificate caCertificate,
            PrivateKey caKey,
            Optional<char[]> passphrase,
            InstantSource clock,
            SecureRandom random)
            throws IOException {
        Path signing = dir.resolve("signing");
        KeyFiles.createPrivateDirectory(signing);
        KeyPair pair = Certificates.ed25519(random);
        X509Certificate certificate =
                Certificates.issueSigning(party, pair.getPublic(), caCertificate, caKey, clock.instant(), random);
        KeyId id = Certificates.keyId(pair.getPublic());
        KeyFiles.writePrivateKey(signing.resolve(id.hex() + ".key"), pair.getPrivate(), passphrase, random);
        KeyFiles.writeCertificate(signing.resolve(id.hex() + ".crt"), certificate);
        // Write-then-rename so a crash never leaves "current" naming half a key.
        Path temporary = signing.resolve("current.tmp");
        Files.writeString(temporary, id.hex() + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, signing.resolve("current"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    public Party party() {
        return party;
    }

    public Path directory() {
        return dir;
    }

    public X509Certificate caCertificate() {
        return KeyFiles.readCertificate(dir.resolve("ca.crt"));
    }

    public X509Certificate tlsCertificate() {
        return KeyFiles.readCertificate(dir.resolve("tls.crt"));
    }

    /** The id of the key that signs new envelopes. */
    public KeyId currentSigningKeyId() {
        return new KeyId(read(dir.resolve("signing").resolve("current")).strip());
    }

    /** A signer with the current signing key (decrypts it if a passphrase was given). */
    public Signer signer() {
        KeyId id = currentSigningKeyId();
        Path signing = dir.resolve("signing");
        return new Signer(
                party,
                KeyFiles.readPrivateKey(signing.resolve(id.hex() + ".key"), passphrase),
                KeyFiles.readCertificate(signing.resolve(id.hex() + ".crt")));
    }

    /** All our signing certificates, oldest first, as PEM: give these to the peer to verify our envelopes. */
    public List<X509Certificate> signingCertificates() {
        return certificatesIn(dir.resolve("signing"));
    }

    /** Issues a new signing key with the CA key and makes it current; older keys stay for verification. */
    public KeyId rotateSigningKey(InstantSource clock) {
        PrivateKey caKey = KeyFiles.readPrivateKey(dir.resolve("ca.key"), passphrase);
        try {
            KeyId id = issueSigningKey(dir, party, caCertificate(), caKey, passphrase, clock, random);
            LOG.info("party {} rotated its signing key to {}", party, id);
            return id;
        } catch (IOException e) {
            throw new CryptoException("cannot write the new signing key in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pins each party's CA in the other's keys, as two parties do once they have read their
     * fingerprints to each other. For two parties on one machine (the demo, tests); in service the
     * CA certificates travel out of band and each side runs {@code parley keys trust}.
     */
    public void pinEachOther(PartyIdentity other) {
        trustPeerCa(pem(other.caCertificate()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        other.trustPeerCa(pem(caCertificate()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * Pins the other party's CA certificate after its fingerprint was read out over the phone;
     * returns that fingerprint. Refuses a certificate that is not a CA or names this party.
     */
    public Fingerprint trustPeerCa(byte[] pemOrDer) {
        X509Certificate peerCa = KeyFiles.parseCertificate(pemOrDer);
        Party peer = Certificates.partyOf(peerCa)
                .orElseThrow(() -> new CryptoException(
                        "the peer CA names no party (O=) in its subject " + peerCa.getSubjectX500Principal()));
        if (peer.equals(party)) {
            throw new CryptoException("the certificate is a CA of this party " + party + ", not of the peer");
        }
        if (peerCa.getBasicConstraints() < 0) {
            throw new CryptoException("the certificate " + peerCa.getSubjectX500Principal() + " is not a CA");
        }
        try {
            peerCa.verify(peerCa.getPublicKey());
            KeyFiles.writeCertificate(dir.resolve("peer-ca.crt"), peerCa);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new CryptoException("cannot pin the peer CA: " + e.getMessage(), e);
        }
        LOG.info("party {} pinned peer CA of {} with fingerprint {}", party, peer, Fingerprint.of(peerCa));
        return Fingerprint.of(peerCa);
    }

    public Optional<X509Certificate> peerCaCertificate() {
        Path file = dir.resolve("peer-ca.crt");
        return Files.isRegularFile(file) ? Optional.of(KeyFiles.readCertificate(file)) : Optional.empty();
    }

    private X509Certificate requirePeerCa() {
        return peerCaCertificate()
                .orElseThrow(() -> new CryptoException(
                        "no peer CA is pinned in " + dir + "; run 'parley keys trust --peer-ca FILE' first"));
    }

    /** A verifier for the pinned peer CA, knowing every peer signing certificate learned so far. */
    public Verifier verifier() {
        return new Verifier(party, requirePeerCa(), certificatesIn(dir.resolve("peer-signing")));
    }

    /**
     * A verifier of this party's own envelopes (to the peer) against its own CA and every signing
     * key it ever had: for audits of what the node stored in its own name.
     */
    public Verifier ownVerifier() {
        Party peer = Certificates.partyOf(requirePeerCa())
                .orElseThrow(() -> new CryptoException("the pinned peer CA names no party"));
        return new Verifier(peer, caCertificate(), signingCertificates());
    }

    /** The peer signing certificates kept in peer-signing/ (pinned by an operator or learned from the peer). */
    public List<X509Certificate> peerSigningCertificates() {
        return certificatesIn(dir.resolve("peer-signing"));
    }

    /**
     * The chain of a signing key kept in this directory, own or the peer's: the signing certificate,
     * then its party CA. Proof bundles carry it so a third party can check them offline.
     */
    public Optional<List<X509Certificate>> signingChain(KeyId keyId) {
        for (X509Certificate own : signingCertificates()) {
            if (Certificates.keyId(own.getPublicKey()).equals(keyId)) {
                return Optional.of(List.of(own, caCertificate()));
            }
        }
        Optional<X509Certificate> peerCa = peerCaCertificate();
        if (peerCa.isEmpty()) {
            return Optional.empty();
        }
        for (X509Certificate peer : peerSigningCertificates()) {
            if (Certificates.keyId(peer.getPublicKey()).equals(keyId)) {
                return Optional.of(List.of(peer, peerCa.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks a peer signing certificate against the pinned CA and keeps it in peer-signing/, beside
     * every other certificate kept for the same key: {@code ID.crt} for the first, {@code
     * ID-FINGERPRINT.crt} for any later one. A kept certificate is never overwritten (issue 19, item
     * 8), so the peer cannot make its earlier envelopes unverifiable by re-issuing its key.
     */
    public KeyId learnPeerSigningCertificate(byte[] pemOrDer) {
        X509Certificate certificate = KeyFiles.parseCertificate(pemOrDer);
        KeyId id = verifier().learn(certificate);
        try {
            Path folder = dir.resolve("peer-signing");
            Files.createDirectories(folder);
            if (peerSigningCertificates().contains(certificate)) {
                return id;
            }
            Path first = folder.resolve(id.hex() + ".crt");
            Path file = Files.exists(first)
                    ? folder.resolve(
                            id.hex() + "-" + Fingerprint.of(certificate).hex() + ".crt")
                    : first;
            Files.writeString(
                    file, pem(certificate), StandardCharsets.US_ASCII, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            LOG.debug("peer signing certificate {} was kept meanwhile", id);
        } catch (IOException e) {
            throw new CryptoException("cannot store peer signing certificate " + id + ": " + e.getMessage(), e);
        }
        return id;
    }

    // --- revocation (issue 19, item 12) ---

    /**
     * Revokes one of this party's own signing keys from {@code from} on, with the CA key: every
     * certificate of the key goes into {@code revoked.crl}, a revocation list signed by the CA that
     * the node sends to the peer with every batch (from its next start). The current key cannot be
     * revoked: rotate first, so that the node has a key to sign with.
     */
    public void revokeSigningKey(KeyId keyId, java.time.Instant from, InstantSource clock) {
        if (keyId.equals(currentSigningKeyId())) {
            throw new CryptoException("key " + keyId + " is the current signing key; run 'parley keys rotate' first,"
                    + " then revoke it");
        }
        List<X509Certificate> ofKey = signingCertificates().stream()
                .filter(c -> Certificates.keyId(c.getPublicKey()).equals(keyId))
                .toList();
        if (ofKey.isEmpty()) {
            throw new CryptoException(
                    "no signing key " + keyId + " in " + dir.resolve("signing") + "; 'parley keys show' lists them");
        }
        PrivateKey caKey = KeyFiles.readPrivateKey(dir.resolve("ca.key"), passphrase);
        new RevocationFiles(dir).revokeOwn(ofKey, from, caCertificate(), caKey, clock.instant());
        LOG.info("party {} revoked its signing key {} from {}", party, keyId, from);
    }

    /** This party's revocation list as PEM, if it ever revoked a key: sent to the peer with every batch. */
    public Optional<String> revocationListPem() {
        return new RevocationFiles(dir).own().map(RevocationLists::pem);
    }

    /**
     * Checks a revocation list from the peer against the pinned peer CA and keeps it in
     * peer-revoked/ (never replacing one); returns whether it was new here.
     */
    public boolean keepPeerRevocationList(byte[] pemOrDer) {
        java.security.cert.X509CRL list = RevocationLists.parse(pemOrDer);
        RevocationLists.entriesSignedBy(list, requirePeerCa());
        return new RevocationFiles(dir).keepPeerList(list);
    }

    /** Keeps an operator's decision to revoke a peer key in peer-revoked/ (the caller audits it). */
    public void keepPeerRevocation(Revocation revocation) {
        if (revocation.source() != Revocation.Source.LOCAL) {
            throw new IllegalArgumentException("only a local decision is kept this way: " + revocation);
        }
        new RevocationFiles(dir).keepLocal(revocation);
    }

    /** Hands {@code verifier} every revocation kept in this folder: the peer CA's lists and local decisions. */
    public void applyPeerRevocations(Verifier verifier) {
        RevocationFiles files = new RevocationFiles(dir);
        for (java.security.cert.X509CRL list : files.peerLists()) {
            try {
                verifier.learnRevocationList(list.getEncoded());
            } catch (java.security.cert.CRLException e) {
                throw new CryptoException("cannot encode a kept revocation list: " + e.getMessage(), e);
            }
        }
        files.local().forEach(verifier::revoke);
    }

    /** The mutual TLS 1.3 context: our node key, trust in the pinned peer CA only. */
    public SSLContext sslContext() {
        X509Certificate peerCa = requirePeerCa();
        return MutualTls.context(
                KeyFiles.readPrivateKey(dir.resolve("tls.key"), passphrase),
                tlsCertificate(),
                caCertificate(),
                peerCa,
                Certificates.partyOf(peerCa).orElseThrow(),
                random);
    }

    /** TLS 1.3 only, client certificate required: use on both the server socket and the client. */
    public static SSLParameters sslParameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        parameters.setNeedClientAuth(true);
        return parameters;
    }

    /** The party of the peer on an established mutual TLS session (already checked against the pin). */
    public static Party peerPartyOf(SSLSession session) {
        try {
            X509Certificate leaf = (X509Certificate) session.getPeerCertificates()[0];
            return Certificates.partyOf(leaf)
                    .orElseThrow(() ->
                            new CryptoException("peer certificate names no party: " + leaf.getSubjectX500Principal()));
        } catch (SSLPeerUnverifiedException e) {
            throw new CryptoException("the TLS peer presented no certificate", e);
        }
    }

    private static List<X509Certificate> certificatesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<X509Certificate> certificates = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".crt"))
                    .forEach(f -> certificates.add(KeyFiles.readCertificate(f)));
            certificates.sort(Comparator.comparing(X509Certificate::getNotBefore));
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CryptoException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** PEM text of a certificate, for files and for sending to the peer. */
    public static String pem(X509Certificate certificate) {
        return KeyFiles.pem(certificate);
    }
}
