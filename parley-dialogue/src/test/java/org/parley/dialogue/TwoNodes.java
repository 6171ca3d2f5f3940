package org.parley.dialogue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.Signer;
import org.parley.crypto.Verifier;
import org.parley.dialogue.channel.Admission;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.dialogue.channel.NoticeReply;
import org.parley.testing.TestClock;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * Two hotline nodes reduced to what this module decides: each has a channel policy, a dialogue
 * ledger and an inbox. Envelopes are signed with real party keys (parley-crypto), cross as frames
 * (parley-wire), are verified by the receiver and checked by its policy before delivery. Transport
 * and durable storage belong to other modules.
 */
final class TwoNodes {
    static final Party BLUE = Party.of("BLUE");
    static final Party RED = Party.of("RED");

    final TestClock clock;
    final Node blue;
    final Node red;
    private final SecureRandom random = new SecureRandom();

    TwoNodes(TestClock clock, Path keys) {
        this.clock = clock;
        this.blue = new Node(
                PartyIdentity.init(keys.resolve("blue"), BLUE, List.of("localhost"), Optional.empty(), clock, random));
        this.red = new Node(
                PartyIdentity.init(keys.resolve("red"), RED, List.of("localhost"), Optional.empty(), clock, random));
        blue.trust(red.identity);
        red.trust(blue.identity);
    }

    Node peerOf(Node node) {
        return node == blue ? red : blue;
    }

    /** What happened to an envelope. */
    sealed interface Sent {
        record Delivered(Envelope envelope) implements Sent {}

        record NotSent(String reason) implements Sent {}
    }

    final class Node {
        final Party party;
        final PartyIdentity identity;
        final Signer signer;
        final ChannelPolicy channels;
        final DialogueLedger ledger;
        final List<Envelope> inbox = new ArrayList<>();

        Node(PartyIdentity identity) {
            this.party = identity.party();
            this.identity = identity;
            this.signer = identity.signer();
            this.channels = ChannelPolicy.inMemory(clock);
            this.ledger = DialogueLedger.inMemory(channels, clock);
        }

        /** Pins the peer's CA and learns its signing certificates, as `parley keys trust` does. */
        void trust(PartyIdentity peer) {
            identity.trustPeerCa(PartyIdentity.pem(peer.caCertificate()).getBytes(StandardCharsets.US_ASCII));
            for (X509Certificate certificate : peer.signingCertificates()) {
                identity.learnPeerSigningCertificate(
                        PartyIdentity.pem(certificate).getBytes(StandardCharsets.US_ASCII));
            }
        }

        Verifier verifier() {
            return identity.verifier();
        }

        Envelope envelope(Payload payload, Precedence precedence) {
            return Envelope.builder(clock, random)
                    .from(party)
                    .to(peerOf(this).party)
                    .precedence(precedence)
                    .payload(payload)
                    .signer(signer.keyId())
                    .build();
        }

        /** Sender side first (own record, own policy), then the wire, then the receiver's policy. */
        Sent send(Payload payload, Precedence precedence) {
            Envelope envelope = envelope(payload, precedence);
            if (own(envelope) instanceof Sent.NotSent refused) {
                return refused;
            }
            Envelope received =
                    EnvelopeCodec.parse(EnvelopeCodec.canonicalBytes(envelope)).orElseThrow();
            return peerOf(this).receive(received);
        }

        private Sent own(Envelope envelope) {
            return switch (envelope.payload()) {
                case Payload.DialogueRequest ignored -> dialogue(ledger.record(envelope), envelope);
                case Payload.DialogueAnswer ignored -> dialogue(ledger.record(envelope), envelope);
                case Payload.ChannelNotice ignored -> notice(channels.apply(envelope), envelope);
                default ->
                    channels.admits(envelope) instanceof Admission.Suspended s
                            ? new Sent.NotSent(s.message())
                            : new Sent.Delivered(envelope);
            };
        }

        Sent receive(Envelope envelope) {
            if (envelope.payload() instanceof Payload.ChannelNotice) {
                return notice(channels.apply(envelope), envelope);
            }
            if (channels.admits(envelope) instanceof Admission.Suspended s) {
                return new Sent.NotSent(s.message());
            }
            if (envelope.payload() instanceof Payload.DialogueRequest
                    || envelope.payload() instanceof Payload.DialogueAnswer) {
                return dialogue(ledger.record(envelope), envelope);
            }
            inbox.add(envelope);
            return new Sent.Delivered(envelope);
        }

        private static Sent dialogue(Outcome<DialogueEntry> outcome, Envelope envelope) {
            return switch (outcome) {
                case Outcome.Recorded<DialogueEntry> ignored -> new Sent.Delivered(envelope);
                case Outcome.Refused<DialogueEntry> refused -> new Sent.NotSent(refused.reason());
            };
        }

        private static Sent notice(NoticeReply reply, Envelope envelope) {
            return switch (reply) {
                case NoticeReply.Applied ignored -> new Sent.Delivered(envelope);
                case NoticeReply.Refused refused -> new Sent.NotSent(refused.message());
            };
        }
    }
}
