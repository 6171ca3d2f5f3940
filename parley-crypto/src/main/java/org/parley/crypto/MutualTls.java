package org.parley.crypto;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.parley.wire.Party;

/**
 * TLS 1.3 contexts for node-to-node traffic: this node's P-256 key and certificate chain, and trust
 * in exactly one CA, the pinned peer CA (docs/decisions.md, decision 2). On top of the JDK's PKIX checks the
 * peer's leaf must carry the TLS extended key usage (so a peer envelope-signing key cannot pose as a
 * node) and name the peer party in its O attribute.
 */
final class MutualTls {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private MutualTls() {}

    static SSLContext context(
            PrivateKey tlsKey,
            X509Certificate tlsCertificate,
            X509Certificate ownCa,
            X509Certificate peerCa,
            Party peerParty,
            SecureRandom random) {
        try {
            char[] transientPassword = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("node", tlsKey, transientPassword, new X509Certificate[] {tlsCertificate, ownCa});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, transientPassword);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("peer-ca", peerCa);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            X509ExtendedTrustManager pkix = (X509ExtendedTrustManager) tmf.getTrustManagers()[0];

            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(kmf.getKeyManagers(), new TrustManager[] {new PinnedPeer(pkix, peerParty)}, random);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new CryptoException("cannot build the mutual TLS context: " + e.getMessage(), e);
        }
    }

    /** PKIX against the pinned CA, then the peer leaf's party and key usage. */
    private static final class PinnedPeer extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager pkix;
        private final Party peerParty;

        PinnedPeer(X509ExtendedTrustManager pkix, Party peerParty) {
            this.pkix = pkix;
            this.peerParty = peerParty;
        }

        private void checkLeaf(X509Certificate[] chain, String purpose) throws CertificateException {
            X509Certificate leaf = chain[0];
            Party party = Certificates.partyOf(leaf).orElse(null);
            if (!peerParty.equals(party)) {
                throw new CertificateException("peer certificate " + leaf.getSubjectX500Principal()
                        + " does not belong to the pinned peer party " + peerParty);
            }
            List<String> usages;
            try {
                usages = leaf.getExtendedKeyUsage();
            } catch (CertificateParsingException e) {
                throw new CertificateException("unreadable extended key usage in the peer certificate", e);
            }
            if (usages == null || !usages.contains(purpose)) {
                throw new CertificateException(
                        "peer certificate " + leaf.getSubjectX500Principal() + " is not a node TLS certificate");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            pkix.checkClientTrusted(chain, authType, socket);
            checkLeaf(chain, CLIENT_AUTH);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            pkix.checkServerTrusted(chain, authType, socket);
            checkLeaf(chain, SERVER_AUTH);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            pkix.checkClientTrusted(chain, authType, engine);
            checkLeaf(chain, CLIENT_AUTH);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            pkix.checkServerTrusted(chain, authType, engine);
            checkLeaf(chain, SERVER_AUTH);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkClientTrusted(chain, authType);
            checkLeaf(chain, CLIENT_AUTH);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            pkix.checkServerTrusted(chain, authType);
            checkLeaf(chain, SERVER_AUTH);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return pkix.getAcceptedIssuers();
        }
    }
}
