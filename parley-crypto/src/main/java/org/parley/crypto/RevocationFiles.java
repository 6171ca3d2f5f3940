package org.parley.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.parley.wire.KeyId;

/**
 * Revocations kept in a keys folder (issue 19, item 12):
 *
 * <pre>
 * DIR/revoked.crl                 this party's own revocation list, signed by its CA (sent to the peer)
 * DIR/peer-revoked/SHA256.crl     each revocation list received from the peer, never replaced
 * DIR/peer-revoked/local-ID.txt   an operator's decision to revoke peer key ID (revokedAt, reason)
 * </pre>
 */
final class RevocationFiles {
    private final Path dir;

    RevocationFiles(Path dir) {
        this.dir = dir;
    }

    /** Adds {@code certificates} (all of one key) to the own list from {@code from}; writes and returns it. */
    X509CRL revokeOwn(
            List<X509Certificate> certificates, Instant from, X509Certificate ca, PrivateKey caKey, Instant now) {
        Map<BigInteger, Instant> entries = new LinkedHashMap<>();
        own().ifPresent(list -> entries.putAll(RevocationLists.entriesSignedBy(list, ca)));
        for (X509Certificate certificate : certificates) {
            entries.merge(certificate.getSerialNumber(), from, (a, b) -> a.isBefore(b) ? a : b);
        }
        X509CRL list = RevocationLists.issue(ca, caKey, entries, now);
        write(dir.resolve("revoked.crl"), RevocationLists.pem(list), true);
        return list;
    }

    Optional<X509CRL> own() {
        Path file = dir.resolve("revoked.crl");
        return Files.isRegularFile(file) ? Optional.of(RevocationLists.parse(read(file))) : Optional.empty();
    }

    /** Keeps a (checked) list from the peer under its SHA-256; false if it was kept already. */
    boolean keepPeerList(X509CRL list) {
        try {
            Path file = dir.resolve("peer-revoked")
                    .resolve(java.util.HexFormat.of().formatHex(Fingerprint.sha256(list.getEncoded())) + ".crl");
            if (Files.exists(file)) {
                return false;
            }
            write(file, RevocationLists.pem(list), false);
            return true;
        } catch (java.security.cert.CRLException e) {
            throw new CryptoException("cannot encode the revocation list: " + e.getMessage(), e);
        }
    }

    void keepLocal(Revocation revocation) {
        Properties p = new Properties();
        p.setProperty("keyId", revocation.keyId().hex());
        p.setProperty("revokedAt", revocation.revokedAt().toString());
        p.setProperty("reason", revocation.reason());
        StringWriter text = new StringWriter();
        try {
            p.store(text, "peer signing key revoked by this node's operators");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(dir.resolve("peer-revoked").resolve("local-" + revocation.keyId().hex() + ".txt"), text.toString(), true);
    }

    List<X509CRL> peerLists() {
        return files(".crl").stream().map(f -> RevocationLists.parse(read(f))).toList();
    }

    List<Revocation> local() {
        List<Revocation> all = new ArrayList<>();
        for (Path file : files(".txt")) {
            Properties p = new Properties();
            try (Reader in = new StringReader(new String(read(file), StandardCharsets.UTF_8))) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new CryptoException("cannot read the revocation " + file + ": " + e.getMessage(), e);
            }
            all.add(new Revocation(
                    new KeyId(p.getProperty("keyId", "")),
                    Instant.parse(p.getProperty("revokedAt", "")),
                    Revocation.Source.LOCAL,
                    p.getProperty("reason", "")));
        }
        return all;
    }

    private List<Path> files(String suffix) {
        Path folder = dir.resolve("peer-revoked");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CryptoException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text, boolean replace) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (replace) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new CryptoException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
