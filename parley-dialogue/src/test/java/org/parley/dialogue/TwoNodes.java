package org.parley.dialogue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.parley.dialogue.channel.Admission;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.dialogue.channel.NoticeReply;
import org.parley.testing.TestClock;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.KeyId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;

/**
 * Two hotline nodes reduced to what this module decides: each has a channel policy, a dialogue
 * ledger and an inbox; envelopes cross as canonical bytes (parley-wire) and are checked by the
 * receiver's policy before delivery. Signing and transport belong to other modules.
 */
final class TwoNodes {
    static final Party BLUE = Party.of("BLUE");
    static final Party RED = Party.of("RED");

    final TestClock clock;
    final Node blue;
    final Node red;
    private final SecureRandom random = new SecureRandom();

    TwoNodes(TestClock clock) {
        this.clock = clock;
        this.blue = new Node(BLUE, "0123456789abcdef0123456789abcdef");
        this.red = new Node(RED, "fedcba9876543210fedcba9876543210");
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
        final KeyId key;
        final ChannelPolicy channels;
        final DialogueLedger ledger;
        final List<Envelope> inbox = new ArrayList<>();

        Node(Party party, String keyHex) {
            this.party = party;
            this.key = new KeyId(keyHex);
            this.channels = ChannelPolicy.inMemory(clock);
            this.ledger = DialogueLedger.inMemory(channels, clock);
        }

        Envelope envelope(Payload payload, Precedence precedence) {
            return Envelope.builder(clock, random)
                    .from(party)
                    .to(peerOf(this).party)
                    .precedence(precedence)
                    .payload(payload)
                    .signer(key)
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
