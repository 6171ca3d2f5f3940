package org.parley.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * PEM files for certificates and PKCS#8 private keys. Private keys are created 0600 inside a 0700
 * folder before a byte is written, and are optionally encrypted with a passphrase (PKCS#8 PBES2:
 * PBKDF2-HMAC-SHA256 and AES-256-CBC, RFC 8018).
 */
final class KeyFiles {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final int PBKDF2_ITERATIONS = 200_000;
    // The JDK has no "AES/CBC/PKCS7Padding" under the OpenSSL names BouncyCastle asks for; use BC's
    // own provider for key-file encryption only, without registering it JVM-wide.
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private KeyFiles() {}

    static void createPrivateDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        }
        Files.setPosixFilePermissions(dir, OWNER_DIR);
    }

    static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        Files.writeString(file, pem(certificate), StandardCharsets.US_ASCII);
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new CryptoException(
                    "cannot write PEM for " + object.getClass().getSimpleName(), e);
        }
        return out.toString();
    }

    static void writePrivateKey(Path file, PrivateKey key, Optional<char[]> passphrase, SecureRandom random)
            throws IOException {
        String text;
        try {
            OutputEncryptor encryptor = null;
            if (passphrase.isPresent()) {
                encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                        .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                        .setIterationCount(PBKDF2_ITERATIONS)
                        .setRandom(random)
                        .setPassword(passphrase.get())
                        .setProvider(PROVIDER)
                        .build();
            }
            PemObject pem = new JcaPKCS8Generator(key, encryptor).generate();
            text = pem(pem);
        } catch (OperatorCreationException e) {
            throw new CryptoException("cannot set up private key encryption: " + e.getMessage(), e);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            throw new CryptoException("refusing to overwrite the existing private key " + file, e);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    static X509Certificate readCertificate(Path file) {
        try {
            return parseCertificate(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CryptoException("cannot read certificate " + file + ": " + e.getMessage(), e);
        } catch (CryptoException e) {
            throw new CryptoException(file + ": " + e.getMessage(), e);
        }
    }

    static X509Certificate parseCertificate(byte[] pemOrDer) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(pemOrDer));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("not an X.509 certificate in PEM or DER: " + e.getMessage(), e);
        }
    }

    static PrivateKey readPrivateKey(Path file, Optional<char[]> passphrase) {
        checkPermissions(file);
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                char[] secret = passphrase.orElseThrow(() -> new CryptoException(
                        file + " is encrypted: give the passphrase (--passphrase-file or PARLEY_KEYS_PASSPHRASE)"));
                return converter.getPrivateKey(
                        encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                .setProvider(PROVIDER)
                                .build(secret)));
            }
            throw new CryptoException(file + " does not hold a PKCS#8 private key");
        } catch (PKCSException e) {
            throw new CryptoException("cannot decrypt " + file + ": wrong passphrase?", e);
        } catch (OperatorCreationException | IOException e) {
            throw new CryptoException("cannot read private key " + file + ": " + e.getMessage(), e);
        }
    }

    /** A private key that others can read has leaked already; refuse to use it silently. */
    static void checkPermissions(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new CryptoException(file + " has permissions " + PosixFilePermissions.toString(permissions)
                        + "; private keys must be readable by the owner only (chmod 600)");
            }
        } catch (IOException e) {
            throw new CryptoException("cannot read the permissions of " + file, e);
        }
    }
}
