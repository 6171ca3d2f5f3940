package org.parley.federation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.crypto.PartyIdentity;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * The two-party setup the federation ITs share: BLUE and RED keys in a temporary directory, each
 * pinned to the other's CA, and the configs, bare clients and signed envelopes the tests build from
 * them on loopback over real mutual TLS.
 */
final class TwoParties {
    static final SecureRandom RANDOM = new SecureRandom();
    static final InstantSource CLOCK = InstantSource.system();
    /** The names each party's TLS certificate carries. */
    static final List<String> HOSTS = List.of("localhost", "127.0.0.1");

    final Path root;
    final PartyIdentity blue;
    final PartyIdentity red;

    private TwoParties(Path root, PartyIdentity blue, PartyIdentity red) {
        this.root = root;
        this.blue = blue;
        this.red = red;
    }

    /** Keys made now. */
    static TwoParties create(String directoryPrefix) throws IOException {
        return create(directoryPrefix, CLOCK);
    }

    /** Keys made at {@code keysMade}: envelopes dated before now must fall inside their certificates. */
    static TwoParties create(String directoryPrefix, InstantSource keysMade) throws IOException {
        Path root = Files.createTempDirectory(directoryPrefix);
        PartyIdentity blue =
                PartyIdentity.init(root.resolve("blue"), Party.of("BLUE"), HOSTS, Optional.empty(), keysMade, RANDOM);
        PartyIdentity red =
                PartyIdentity.init(root.resolve("red"), Party.of("RED"), HOSTS, Optional.empty(), keysMade, RANDOM);
        blue.pinEachOther(red);
        return new TwoParties(root, blue, red);
    }

    /**
     * A config listening on loopback {@code listenPort} (0: any) with these peer endpoints on
     * 127.0.0.1, retrying after 50 ms up to 500 ms, each POST allowed {@code requestTimeout}.
     */
    static FederationConfig config(int listenPort, Duration requestTimeout, int... peerPorts) {
        List<URI> endpoints = new ArrayList<>();
        for (int port : peerPorts) {
            endpoints.add(URI.create("https://127.0.0.1:" + port));
        }
        return FederationConfig.builder(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), endpoints)
                .retry(Duration.ofMillis(50), Duration.ofMillis(500), requestTimeout)
                .build();
    }

    /** A loopback port free a moment ago. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A bare sending side for {@code who}, offering its current signing certificate. */
    static Outbound client(PartyIdentity who, FederationConfig config, DeliveryStore store) {
        return client(who, List.of(who.signer().certificatePem()), config, store);
    }

    /** A bare sending side for {@code who}, offering these signing certificates (PEM) with its batches. */
    static Outbound client(
            PartyIdentity who, List<String> certificatesPem, FederationConfig config, DeliveryStore store) {
        return new Outbound(
                config,
                who.sslContext(),
                who.signer(),
                certificatesPem,
                who.verifier(),
                store,
                CLOCK,
                RANDOM,
                new FederationListener() {},
                new CryptoPool(1),
                new OutboxSignal());
    }

    /** An envelope from {@code from} to its pinned peer, dated by {@code clock}, signed with its current key. */
    static SignedEnvelope signed(
            PartyIdentity from, InstantSource clock, Precedence precedence, Category category, String text) {
        Envelope envelope = Envelope.builder(clock, RANDOM)
                .from(from.party())
                .to(from.verifier().peerParty())
                .precedence(precedence)
                .category(category)
                .payload(new Payload.Text(text))
                .signer(from.signer().keyId())
                .build();
        return from.signer().sign(envelope);
    }

    /** A FLASH SAFETY envelope from BLUE to RED, dated now. */
    SignedEnvelope blueFlash(String text) {
        return signed(blue, CLOCK, Precedence.FLASH, Category.SAFETY, text);
    }

    /** {@link #signed} as a wire frame. */
    static byte[] frame(
            PartyIdentity from, InstantSource clock, Precedence precedence, Category category, String text) {
        return EnvelopeCodec.frame(signed(from, clock, precedence, category, text));
    }
}
