package org.parley.node.record;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.parley.dialogue.DialogueEntry;
import org.parley.dialogue.DialogueLedger;
import org.parley.dialogue.DialogueStats;
import org.parley.dialogue.Outcome;
import org.parley.dialogue.Period;
import org.parley.dialogue.channel.Admission;
import org.parley.dialogue.channel.ChannelNotice;
import org.parley.dialogue.channel.ChannelPolicy;
import org.parley.dialogue.channel.NoticeReply;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.Payload;

/**
 * The node's dialogue ledger and channel notices (issue 11), kept in the node's own database.
 *
 * <p>One gate, {@link #admit}, serves both directions: an envelope our operators send and one the
 * peer delivers pass the same checks, so both nodes hold the same requests, answers and notices,
 * and a suspended category is refused on the way out (the operator sees why) and on the way in
 * (the peer's node sees why in the batch answer and retries until the channel reopens). SAFETY and
 * LINKTEST are never refused by a notice (docs/decisions.md, decision 5).
 */
public final class NodeDialogue {
    private final ChannelPolicy channels;
    private final DialogueLedger ledger;

    private NodeDialogue(ChannelPolicy channels, DialogueLedger ledger) {
        this.channels = channels;
        this.ledger = ledger;
    }

    /** The dialogue ledger and channel notices kept in {@code database} (the node's store). */
    public static NodeDialogue open(DataSource database, InstantSource clock) {
        ChannelPolicy channels = ChannelPolicy.jdbc(database, clock);
        return new NodeDialogue(channels, DialogueLedger.jdbc(database, channels, clock));
    }

    /**
     * Checks an envelope against the channel notices and the dialogue ledger, recording the request,
     * answer or notice it carries when it passes. Idempotent: the same envelope passes again.
     *
     * @return why the envelope may not be sent or accepted, or empty when it may
     */
    public Optional<String> admit(Envelope envelope) {
        return switch (envelope.payload()) {
            case Payload.DialogueRequest r -> refusal(ledger.record(envelope));
            case Payload.DialogueAnswer a -> refusal(ledger.record(envelope));
            case Payload.ChannelNotice n ->
                switch (channels.apply(envelope)) {
                    case NoticeReply.Applied applied -> Optional.empty();
                    case NoticeReply.Refused refused -> Optional.of(refused.message());
                };
            case Payload.Text t -> suspension(envelope);
            case Payload.SafetyNotice s -> suspension(envelope);
            case Payload.LinkTest l -> Optional.empty();
            case Payload.Receipt r -> Optional.empty();
            case Payload.Ack a -> Optional.empty();
        };
    }

    private Optional<String> suspension(Envelope envelope) {
        return switch (channels.admits(envelope)) {
            case Admission.Open open -> Optional.empty();
            case Admission.Suspended suspended ->
                Optional.of(suspended.message() + "; envelope " + envelope.id() + " was not accepted");
        };
    }

    private static Optional<String> refusal(Outcome<DialogueEntry> outcome) {
        return switch (outcome) {
            case Outcome.Recorded<DialogueEntry> recorded -> Optional.empty();
            case Outcome.Refused<DialogueEntry> refused -> Optional.of(refused.reason());
        };
    }

    public List<DialogueEntry> entries() {
        return ledger.entries();
    }

    public DialogueStats stats(Period period) {
        return ledger.stats(period);
    }

    public List<ChannelNotice> notices() {
        return channels.notices();
    }

    public Set<Category> suspendedNow(java.time.Instant now) {
        return channels.suspendedAt(now);
    }
}
