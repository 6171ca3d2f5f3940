package org.parley.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parley.wire.Envelope;
import org.parley.wire.Payload;
import org.parley.wire.SignedEnvelope;

/**
 * Ed25519 envelope sign and verify throughput (not a test): the whole path, canonicalization
 * included, on one thread. Run: {@code bench/hotline-core.sh}. Argument: operations (default 20000).
 */
public final class SigningBench {
    private SigningBench() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Signer signer = Fixtures.blue().signer();
        Verifier verifier = Fixtures.red().verifier();
        List<Envelope> envelopes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            envelopes.add(Fixtures.blueToRed(Fixtures.NOW.plusSeconds(i))
                    .payload(new Payload.Text("benchmark envelope " + i + " " + "z".repeat(400)))
                    .build());
        }
        // Warm up the JIT on a tenth, then measure.
        for (int i = 0; i < count / 10; i++) {
            verifier.verify(signer.sign(envelopes.get(i)));
        }
        List<SignedEnvelope> signed = new ArrayList<>(count);
        long t0 = System.nanoTime();
        for (Envelope envelope : envelopes) {
            signed.add(signer.sign(envelope));
        }
        long t1 = System.nanoTime();
        for (SignedEnvelope envelope : signed) {
            verifier.verify(envelope);
        }
        long t2 = System.nanoTime();
        long[] raw = rawJdk(signer, signed, verifier);
        System.out.println("| operation | envelopes | per second | µs each |");
        System.out.println("|---|---:|---:|---:|");
        line("canonicalize + Ed25519 sign (Signer.sign)", count, t1 - t0);
        line("JDK Ed25519 sign alone, same bytes (baseline)", count, raw[0]);
        line("parse + canonical check + cert checks + Ed25519 verify (Verifier.verify)", count, t2 - t1);
        line("JDK Ed25519 verify alone, same bytes (baseline)", count, raw[1]);
    }

    /** The JDK primitive on the same signing inputs, to show what our layers add. */
    private static long[] rawJdk(Signer signer, List<SignedEnvelope> signed, Verifier verifier) {
        try {
            var key = signer.privateKeyForLedger();
            var publicKey = verifier.peerSigningKey(signer.keyId()).orElseThrow();
            java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
            long t0 = System.nanoTime();
            for (SignedEnvelope envelope : signed) {
                ed25519.initSign(key);
                ed25519.update(Signer.signingInput(envelope.canonical()));
                ed25519.sign();
            }
            long t1 = System.nanoTime();
            for (SignedEnvelope envelope : signed) {
                ed25519.initVerify(publicKey);
                ed25519.update(Signer.signingInput(envelope.canonical()));
                ed25519.verify(envelope.signature().toByteArray());
            }
            return new long[] {t1 - t0, System.nanoTime() - t1};
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void line(String what, int count, long nanos) {
        System.out.println(String.format(
                Locale.ROOT, "| %s | %d | %.0f | %.1f |", what, count, count / (nanos / 1e9), nanos / 1e3 / count));
    }
}
