package org.parley.node;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.dialogue.phrasebook.Phrasebook;
import org.parley.dialogue.phrasebook.Reader;
import org.parley.dialogue.phrasebook.Rendering;
import org.parley.federation.Federation;
import org.parley.store.Direction;
import org.parley.store.InboxEntry;
import org.parley.store.OutboxEntry;
import org.parley.store.Store;
import org.parley.store.StoredAck;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * What operators do with messages: send, list, acknowledge. Every action is committed to the store
 * and audited before it is reported as done.
 */
final class Messages {
    private final NodeConfig config;
    private final PartyIdentity identity;
    private final Store store;
    private final AckWatch watch;
    private final InstantSource clock;
    private final SecureRandom random;
    private final Consumer<String> timeline;
    private final Metrics metrics;
    private final NodeLedger ledger;
    private final NodeDialogue dialogue;
    private final Consumer<String> ledgerAlarm;
    static final Phrasebook PHRASEBOOK = Phrasebook.standard();
    /** Listings read at most this many rows and show the newest {@code limit} of them. */
    private static final int LISTING_WINDOW = 100_000;

    private Optional<Federation> federation = Optional.empty();

    /** A request an operator got wrong; the API answers 4xx with the message. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    Messages(
            NodeConfig config,
            PartyIdentity identity,
            Store store,
            AckWatch watch,
            InstantSource clock,
            SecureRandom random,
            Consumer<String> timeline,
            Metrics metrics,
            NodeLedger ledger,
            NodeDialogue dialogue,
            Consumer<String> ledgerAlarm) {
        this.config = config;
        this.identity = identity;
        this.store = store;
        this.watch = watch;
        this.clock = clock;
        this.random = random;
        this.timeline = timeline;
        this.metrics = metrics;
        this.ledger = ledger;
        this.dialogue = dialogue;
        this.ledgerAlarm = ledgerAlarm;
        rewatchUnacknowledged();
    }

    void attach(Federation federation) {
        this.federation = Optional.of(federation);
    }

    /** After a restart, watch again every received message that still has no acknowledgment. */
    private void rewatchUnacknowledged() {
        for (InboxEntry entry : store.inbox(0, 100_000)) {
            if (needsAck(entry.category())
                    && store.ack(Direction.SENT, entry.from(), entry.id()).isEmpty()) {
                watch.watch(entry.id(), entry.precedence(), entry.received());
            }
        }
    }

    static boolean needsAck(Category category) {
        return switch (category) {
            case SAFETY, DIALOGUE, NOTICE, ROUTINE -> true;
            case LINKTEST, RECEIPT, ACK -> false;
        };
    }

    /** Signs, commits to the outbox and wakes delivery; returns the new envelope's id. */
    EnvelopeId send(Precedence precedence, Category category, Payload payload, String operator) {
        if (!needsAck(category)) {
            throw new Refused(
                    400,
                    "category " + category + " is sent by the node itself; use SAFETY, DIALOGUE,"
                            + " NOTICE or ROUTINE");
        }
        Envelope envelope = Envelope.builder(clock, random)
                .from(config.party())
                .to(config.peer())
                .precedence(precedence)
                .category(category)
                .languages("en")
                .payload(payload)
                .signer(identity.signer().keyId())
                .build();
        // The same checks the peer's node applies on arrival: a suspended category or a bad dialogue
        // answer is refused here, before anything is stored, with the reason for the operator.
        Optional<String> refusal = dialogue.admit(envelope);
        if (refusal.isPresent()) {
            store.audit(operator, "send.refused", envelope.id().toString(), refusal.get());
            throw new Refused(422, refusal.get());
        }
        SignedEnvelope signed = identity.signer().sign(envelope);
        store.enqueue(signed);
        ledger.record(signed);
        store.audit(operator, "send", envelope.id().toString(), precedence + " " + category);
        metrics.sent.incrementAndGet();
        timeline.accept(config.party() + " sent " + precedence + " " + category + " " + envelope.id() + " to "
                + config.peer() + ": \"" + summary(payload) + "\"");
        federation.ifPresent(Federation::wake);
        return envelope.id();
    }

    void delivered(EnvelopeId id, VerifiedEnvelope receipt) {
        metrics.delivered.incrementAndGet();
        ledger.record(receipt.signed());
        boolean ack =
                store.outboxEntry(id).map(e -> e.category() == Category.ACK).orElse(false);
        if (!ack && receipt.envelope().payload() instanceof Payload.Receipt r) {
            timeline.accept(config.party() + " got " + config.peer() + "'s signed receipt for " + id + " (stored at "
                    + r.storedAt() + ")");
        }
    }

    void received(VerifiedEnvelope verified) {
        Envelope envelope = verified.envelope();
        metrics.received.incrementAndGet();
        federation.flatMap(f -> f.peerSigningCertificate(envelope.signer())).ifPresent(ledger::keepPeerSigner);
        if (envelope.payload() instanceof Payload.LinkTest test) {
            test.treeHeadJson().ifPresent(json -> crossCheck(envelope, json));
            return;
        }
        ledger.record(verified.signed());
        if (envelope.payload() instanceof Payload.Ack ack) {
            store.recordAck(Direction.RECEIVED, verified.signed());
            timeline.accept(config.party() + " saw " + config.peer() + " acknowledge " + ack.envelopeId() + " (by "
                    + ack.role() + " at " + ack.acknowledgedAt() + ")");
            return;
        }
        if (needsAck(envelope.category())) {
            Instant at = store.inboxEntry(envelope.from(), envelope.id())
                    .map(InboxEntry::received)
                    .orElse(clock.instant());
            watch.watch(envelope.id(), envelope.precedence(), at);
            timeline.accept(config.party() + " received " + envelope.precedence() + " " + envelope.category() + " "
                    + envelope.id() + " from " + envelope.from() + ": \"" + summary(envelope.payload()) + "\"");
        }
    }

    /** The peer's link test carried a tree head or our countersigned head (see {@link NodeLedger}). */
    private void crossCheck(Envelope linkTest, String attachment) {
        java.security.PublicKey peerKey = federation
                .flatMap(f -> f.peerSigningKey(linkTest.signer()))
                .orElseThrow(() -> new IllegalStateException("no certificate for peer key " + linkTest.signer()));
        switch (ledger.onPeerAttachment(attachment, peerKey)) {
            case NodeLedger.Outcome.Reply reply -> sendLinkTest(reply.attachment());
            case NodeLedger.Outcome.Rewritten rewritten -> ledgerAlarm.accept(rewritten.alarmText());
            case NodeLedger.Outcome.Done done -> store.audit("node", "ledger.cross-check", "", done.note());
        }
    }

    /** A link test through the outbox, carrying a ledger attachment to the peer. */
    private void sendLinkTest(String attachment) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Envelope envelope = Envelope.builder(clock, random)
                .from(config.party())
                .to(config.peer())
                .precedence(Precedence.IMMEDIATE)
                .category(Category.LINKTEST)
                .payload(new Payload.LinkTest(
                        java.util.HexFormat.of().formatHex(nonce), clock.instant(), Optional.of(attachment)))
                .signer(identity.signer().keyId())
                .build();
        store.enqueue(identity.signer().sign(envelope));
        federation.ifPresent(Federation::wake);
    }

    /** A person acknowledges a received message: a signed ACK goes back to the sender. */
    MessageView acknowledge(EnvelopeId id, String operator, String role) {
        InboxEntry entry = store.inboxEntry(config.peer(), id)
                .orElseThrow(() -> new Refused(404, "no received message " + id + " from " + config.peer()));
        if (!needsAck(entry.category())) {
            throw new Refused(
                    409, "message " + id + " is a " + entry.category() + " and is not acknowledged by people");
        }
        Optional<StoredAck> existing = store.ack(Direction.SENT, entry.from(), id);
        if (existing.isPresent()) {
            throw new Refused(
                    409,
                    "message " + id + " was already acknowledged by "
                            + existing.get().role() + " at " + existing.get().acknowledged());
        }
        Instant now = clock.instant();
        Envelope ack = Envelope.builder(clock, random)
                .from(config.party())
                .to(config.peer())
                .precedence(entry.precedence())
                .category(Category.ACK)
                .inReplyTo(id)
                .payload(new Payload.Ack(id, role, now))
                .signer(identity.signer().keyId())
                .build();
        SignedEnvelope signed = identity.signer().sign(ack);
        store.enqueue(signed);
        ledger.record(signed);
        store.recordAck(Direction.SENT, signed);
        watch.acknowledged(id);
        store.audit(operator, "acknowledge", id.toString(), "as " + role);
        metrics.acknowledged.incrementAndGet();
        timeline.accept(config.party() + " " + role + " (" + operator + ") acknowledged " + id);
        federation.ifPresent(Federation::wake);
        return inboundView(entry);
    }

    void setDeadline(Precedence precedence, java.time.Duration deadline, String operator) {
        watch.setDeadline(precedence, deadline);
        store.audit(operator, "config.ack-deadline", precedence.name(), deadline.toString());
    }

    List<AckWatch.Event> tick() {
        List<AckWatch.Event> events = watch.tick();
        events.stream()
                .filter(e -> e instanceof AckWatch.Event.Escalated x && x.firstOverdue())
                .forEach(e -> {
                    metrics.escalations.incrementAndGet();
                    store.audit("node", "ack.overdue", e.id().toString(), "not acknowledged in time");
                    ledger.record(config.party() + " escalation at " + clock.instant() + ": message " + e.id()
                            + " not acknowledged in time");
                });
        return events;
    }

    List<MessageView> inbox(int limit) {
        List<MessageView> views = new ArrayList<>();
        for (InboxEntry entry : store.inbox(0, LISTING_WINDOW)) {
            if (needsAck(entry.category())) {
                views.add(inboundView(entry));
            }
        }
        return newest(views, limit);
    }

    /** Messages our operators sent (not the node's own receipts, acks and link tests). */
    List<MessageView> outbox(int limit) {
        List<MessageView> views = new ArrayList<>();
        for (OutboxEntry entry : store.outbox(0, LISTING_WINDOW)) {
            if (needsAck(entry.category())) {
                views.add(outboundView(entry));
            }
        }
        return newest(views, limit);
    }

    private static <T> List<T> newest(List<T> items, int limit) {
        return items.subList(Math.max(0, items.size() - limit), items.size());
    }

    Optional<MessageView> find(EnvelopeId id) {
        Optional<InboxEntry> in = store.inboxEntry(config.peer(), id);
        if (in.isPresent()) {
            return Optional.of(inboundView(in.get()));
        }
        return store.outboxEntry(id).map(this::outboundView);
    }

    long outboxPending() {
        return store.outbox(0, LISTING_WINDOW).stream()
                .filter(e -> e.status() == OutboxEntry.Status.PENDING)
                .count();
    }

    private MessageView inboundView(InboxEntry entry) {
        Envelope envelope = entry.envelope();
        Optional<StoredAck> ack = store.ack(Direction.SENT, entry.from(), entry.id());
        Instant deadline = entry.created().plus(watch.deadline(entry.precedence()));
        MessageView.Status status = ack.isPresent()
                ? MessageView.Status.ACKNOWLEDGED
                : clock.instant().isAfter(deadline) ? MessageView.Status.OVERDUE : MessageView.Status.RECEIVED;
        return new MessageView(
                entry.id(),
                MessageView.Direction.INBOUND,
                entry.from(),
                config.party(),
                entry.precedence(),
                entry.category(),
                entry.created(),
                summary(envelope.payload()),
                status,
                Optional.of(entry.received()),
                ack.map(StoredAck::role),
                ack.map(StoredAck::acknowledged),
                deadline,
                ack.isPresent() ? Optional.empty() : watch.responsibleRole(entry.id()),
                chinese(envelope.payload()),
                Optional.empty());
    }

    private MessageView outboundView(OutboxEntry entry) {
        Optional<StoredAck> ack = store.ack(Direction.RECEIVED, config.party(), entry.id());
        Instant deadline = entry.created().plus(watch.deadline(entry.precedence()));
        MessageView.Status status;
        if (ack.isPresent()) {
            status = MessageView.Status.ACKNOWLEDGED;
        } else if (clock.instant().isAfter(deadline)) {
            status = MessageView.Status.OVERDUE;
        } else if (entry.status() == OutboxEntry.Status.DELIVERED) {
            status = MessageView.Status.RECEIVED;
        } else {
            status = MessageView.Status.SENT;
        }
        Envelope envelope =
                org.parley.wire.EnvelopeCodec.parse(entry.signed().canonical()).orElseThrow();
        return new MessageView(
                entry.id(),
                MessageView.Direction.OUTBOUND,
                config.party(),
                entry.to(),
                entry.precedence(),
                entry.category(),
                entry.created(),
                summary(envelope.payload()),
                status,
                entry.delivered(),
                ack.map(StoredAck::role),
                ack.map(StoredAck::acknowledged),
                deadline,
                Optional.empty(),
                chinese(envelope.payload()),
                Optional.of(new MessageView.Delivery(entry.attempts(), entry.nextAttempt(), entry.lastError())));
    }

    /** The Chinese rendering of a phrasebook message; empty for anything else. */
    private static Optional<String> chinese(Payload payload) {
        return payload instanceof Payload.SafetyNotice s ? Optional.of(render(s, Reader.chinese())) : Optional.empty();
    }

    /**
     * A phrasebook message in the reader's language and units. One from a newer phrasebook (an
     * unknown code) is still shown, with its codes and parameters: a safety message is never hidden.
     */
    static String render(Payload.SafetyNotice notice, Reader reader) {
        return switch (PHRASEBOOK.render(Phrasebook.messageOf(notice), reader)) {
            case Rendering.Rendered rendered -> rendered.text();
            case Rendering.Refused refused ->
                String.join(" ", notice.phraseCodes()) + " " + notice.parameters()
                        + (notice.freeText().isEmpty() ? "" : " / " + notice.freeText()) + " [not rendered: "
                        + refused.reason() + "]";
        };
    }

    static String summary(Payload payload) {
        return switch (payload) {
            case Payload.Text t -> t.text();
            case Payload.SafetyNotice s -> render(s, Reader.english());
            case Payload.LinkTest l -> "link test " + l.nonce();
            case Payload.Receipt r -> "receipt for " + r.envelopeId();
            case Payload.Ack a -> "ack of " + a.envelopeId() + " by " + a.role();
            case Payload.DialogueRequest d -> "request for talks";
            case Payload.DialogueAnswer d -> "answer " + d.answerCode() + " to " + d.requestId();
            case Payload.ChannelNotice c -> c.action() + " " + c.categories() + ": " + c.reason();
        };
    }
}
