package org.parley.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.crypto.PartyIdentity;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * Issue 19, item 10: the sending side bounds the peer's answer, in time (headers and body) and in
 * size, and keeps only a short error with the outbox entry. Real mutual TLS on loopback.
 */
class PeerAnswerIT {
    private static PartyIdentity blue;
    private static PartyIdentity red;

    @BeforeAll
    static void keys() throws IOException {
        TwoParties parties = TwoParties.create("parley-answer-it");
        blue = parties.blue;
        red = parties.red;
    }

    private static Outbound client(int port, Duration requestTimeout, MemoryDeliveryStore store) {
        return TwoParties.client(blue, TwoParties.config(0, requestTimeout, port), store);
    }

    private static SignedEnvelope flash() {
        return TwoParties.signed(blue, TwoParties.CLOCK, Precedence.FLASH, Category.SAFETY, "unsafe crossing");
    }

    /** Runs {@code post} on another thread and returns what it threw, failing if it takes longer than {@code within}. */
    private static Throwable failureOf(Outbound client, Duration within) throws Exception {
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                client.post(List.of(EnvelopeCodec.frame(flash())));
                return new AssertionError("the post succeeded");
            } catch (IOException | InterruptedException | RuntimeException e) {
                return e;
            }
        });
        try {
            return outcome.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("post still waiting on the peer's answer after " + within, e);
        }
    }

    @Test
    void post_peerSendsHeadersThenWithholdsTheBody_failsWithinTheRequestTimeout() throws Exception {
        try (HostilePeer peer = new HostilePeer(red, out -> {
            out.write(HostilePeer.ascii(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"res"));
            out.flush();
            Thread.sleep(Duration.ofMinutes(5)); // never sends the rest
        })) {
            long start = System.nanoTime();

            Throwable failure = failureOf(
                    client(peer.port(), Duration.ofSeconds(2), new MemoryDeliveryStore()), Duration.ofSeconds(10));

            assertThat(failure).isInstanceOf(IOException.class).hasMessageContaining("within 2000 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void post_peerSendsAnEndlessAnswer_refusedAtTheSizeLimit() throws Exception {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        try (HostilePeer peer = new HostilePeer(red, out -> {
            out.write(HostilePeer.ascii(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400000000\r\n\r\n"));
            for (int i = 0; i < 400_000_000 / chunk.length; i++) {
                out.write(chunk);
            }
        })) {
            Throwable failure = failureOf(
                    client(peer.port(), Duration.ofSeconds(30), new MemoryDeliveryStore()), Duration.ofSeconds(20));

            assertThat(failure)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("larger than " + Outbound.answerLimitBytes(1) + " bytes");
        }
    }

    @Test
    void deliver_peerAnswersAnErrorWithALongBody_outboxKeepsAShortError() throws Exception {
        String body = "x".repeat(600_000);
        try (HostilePeer peer = new HostilePeer(red, out -> {
            out.write(HostilePeer.ascii(
                    "HTTP/1.1 500 Internal Server Error\r\nContent-Length: " + body.length() + "\r\n\r\n" + body));
            out.flush();
        })) {
            MemoryDeliveryStore store = new MemoryDeliveryStore();
            SignedEnvelope signed = flash();
            Envelope envelope = EnvelopeCodec.parse(signed.canonical()).orElseThrow();
            store.enqueue(envelope, signed);
            Outbound client = client(peer.port(), Duration.ofSeconds(10), store);

            int delivered = client.deliver(store.due(TwoParties.CLOCK.instant(), 1));

            assertThat(delivered).isZero();
            assertThat(store.lastError(envelope.id()))
                    .contains("HTTP 500")
                    .hasSizeLessThanOrEqualTo(Outbound.STORED_ERROR_CHARS + 100);
        }
    }
}
