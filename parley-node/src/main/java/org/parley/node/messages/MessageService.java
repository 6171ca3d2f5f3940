package org.parley.node.messages;

import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.dialogue.phrasebook.Phrasebook;
import org.parley.dialogue.phrasebook.Reader;
import org.parley.dialogue.phrasebook.Rendering;
import org.parley.federation.OutboxSignal;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.node.events.NodeEvents.Counter;
import org.parley.node.events.NodeEvents.Topic;
import org.parley.node.record.NodeDialogue;
import org.parley.node.record.NodeLedger;
import org.parley.store.Direction;
import org.parley.store.InboxEntry;
import org.parley.store.OutboxEntry;
import org.parley.store.Store;
import org.parley.store.StoreException;
import org.parley.store.StoredAck;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators do with messages: send, list, acknowledge; and what the federation hands in:
 * received envelopes and receipts. Every action is committed to the store and audited before it is
 * reported as done. Built by {@link #open}, which watches again what a restart left unacknowledged.
 */
public final class MessageService {
    private static final Logger LOG = LoggerFactory.getLogger(MessageService.class);

    /** The shared phrasebook (EN/ZH) every message is drafted and rendered with. */
    public static final Phrasebook PHRASEBOOK = Phrasebook.standard();

    private final Drafter drafter;
    private final Store store;
    private final NodeLedger ledger;
    private final NodeDialogue dialogue;
    private final AckWatch watch;
    private final NodeEvents events;
    private final OutboxSignal outbox;
    private final StorageGuard storage;
    /** Received EMERGENCY messages not yet acknowledged: they head the inbox. */
    private final java.util.Set<EnvelopeId> emergencies = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A request an operator got wrong; the API answers 4xx with the message. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        /**
         * The HTTP status that fits: 400, 404, 409, 422, 503 when the store cannot be reached, or 507
         * when it cannot write.
         */
        public int status() {
            return status;
        }
    }

    private MessageService(
            Drafter drafter,
            Store store,
            NodeLedger ledger,
            NodeDialogue dialogue,
            AckWatch watch,
            NodeEvents events,
            OutboxSignal outbox) {
        this.drafter = drafter;
        this.store = store;
        this.ledger = ledger;
        this.dialogue = dialogue;
        this.watch = watch;
        this.events = events;
        this.outbox = outbox;
        this.storage = new StorageGuard(events, drafter::now);
    }

    /**
     * The message service over {@code store}; received messages that a restart left unacknowledged
     * are watched again, so their escalation goes on. {@code outbox} wakes delivery after a commit.
     */
    public static MessageService open(
            Drafter drafter,
            Store store,
            NodeLedger ledger,
            NodeDialogue dialogue,
            AckWatch watch,
            NodeEvents events,
            OutboxSignal outbox) {
        MessageService service = new MessageService(drafter, store, ledger, dialogue, watch, events, outbox);
        service.rewatchUnacknowledged();
        return service;
    }

    /**
     * After a restart, find the unacknowledged EMERGENCY messages again, to head the inbox (the
     * acknowledgment watch itself keeps nothing per message: it asks the store, {@link #tick}).
     */
    private void rewatchUnacknowledged() {
        store.forEachUnacknowledged(entry -> {
            if (emergency(entry.envelope().payload())) {
                emergencies.add(entry.id());
            }
        });
    }

    /**
     * Whether a message is an EMERGENCY: a phrasebook message with a phrase of the EMERGENCY group
     * (a distress declaration, an emergency landing or port entry, search and rescue). It travels as
     * FLASH SAFETY, so no channel notice can suspend it (docs/decisions.md, decision 5); on arrival
     * every role of the chain is alerted at once, and it heads the inbox until acknowledged.
     */
    public static boolean emergency(Payload payload) {
        return payload instanceof Payload.SafetyNotice s
                && s.phraseCodes().stream().anyMatch(c -> c.startsWith("EMG."));
    }

    /** Whether people acknowledge this category; {@link Store#ACKNOWLEDGEABLE} is the same set. */
    public static boolean needsAck(Category category) {
        return switch (category) {
            case SAFETY, DIALOGUE, NOTICE, ROUTINE -> true;
            case LINKTEST, RECEIPT, ACK -> false;
        };
    }

    /** Signs, commits to the outbox and wakes delivery; returns the new envelope's id. */
    public EnvelopeId send(Precedence precedence, Category category, Payload payload, String operator) {
        if (emergency(payload) && (precedence != Precedence.FLASH || category != Category.SAFETY)) {
            throw new Refused(
                    422,
                    "an EMERGENCY message (a phrase of the EMERGENCY group) goes as precedence FLASH, category"
                            + " SAFETY: it cannot wait and cannot be suspended");
        }
        if (!needsAck(category)) {
            throw new Refused(
                    400,
                    "category " + category + " is sent by the node itself; use SAFETY, DIALOGUE,"
                            + " NOTICE or ROUTINE");
        }
        Envelope envelope = drafter.draft()
                .precedence(precedence)
                .category(category)
                .languages("en")
                .payload(payload)
                .build();
        // The same checks the peer's node applies on arrival: a suspended category or a bad dialogue
        // answer is refused here, before anything is stored, with the reason for the operator.
        Optional<String> refusal = dialogue.admit(envelope);
        if (refusal.isPresent()) {
            store.audit(operator, "send.refused", envelope.id().toString(), refusal.get());
            throw new Refused(422, refusal.get());
        }
        SignedEnvelope signed = drafter.sign(envelope);
        try {
            // A FLASH (an EMERGENCY too) goes to the outbox on the store's safety lane, ahead of bulk
            // work (issue 20).
            (precedence == Precedence.FLASH ? store.safetyLane() : store).enqueue(signed);
        } catch (StoreException e) {
            // Disk full or read-only: a clear 507; store unreachable: 503; not a bare 500.
            throw storage.refusal(e);
        }
        storage.wrote();
        recordAccepted(envelope.id(), signed, operator, precedence + " " + category);
        events.count(Counter.SENT);
        events.say(drafter.own() + " sent " + precedence + " " + category + " " + envelope.id() + " to "
                + drafter.peer() + ": \"" + summary(payload) + "\"");
        outbox.newEnvelopes();
        events.publishMessage(Topic.MESSAGE, envelope.id().toString(), "OUTBOUND", "new");
        return envelope.id();
    }

    /**
     * The ledger leaf and audit row of a send the outbox has committed. Should the store fail now
     * (it went out of reach between the two writes: StoreUnreachableIT saw it), the message is
     * still accepted and will be sent, and the operator must not be told otherwise and send it
     * again under a new id: the missing leaf is recorded at the node's next start
     * (NodeLedger.recordMissing), the audit row is lost with a log line saying so.
     */
    private void recordAccepted(EnvelopeId id, SignedEnvelope signed, String operator, String what) {
        try {
            ledger.record(signed);
            store.audit(operator, "send", id.toString(), what);
        } catch (StoreException e) {
            LOG.error(
                    "message {} is accepted and will be sent, but its ledger leaf or audit row was not written"
                            + " (the leaf is recorded at the next start): {}",
                    id,
                    e.toString());
        }
    }

    public void delivered(EnvelopeId id, VerifiedEnvelope receipt) {
        events.count(Counter.DELIVERED);
        ledger.record(receipt.signed());
        boolean ack =
                store.outboxEntry(id).map(e -> e.category() == Category.ACK).orElse(false);
        if (!ack) {
            events.publishMessage(Topic.MESSAGE, id.toString(), "OUTBOUND", "receipt");
        }
        if (!ack && receipt.envelope().payload() instanceof Payload.Receipt r) {
            events.say(drafter.own() + " got " + drafter.peer() + "'s signed receipt for " + id + " (stored at "
                    + r.storedAt() + ")");
        }
    }

    /**
     * What the node does with a new envelope from the peer once it is stored: the ledger leaf, the
     * acknowledgment recorded, the ack watch, the ledger cross-check. The store marked it pending in
     * the inbox transaction; federation marks the batch's done after this returns, so an error or a
     * crash on the way leaves it pending for {@link #resumeFollowUps} (issue 19, item 3).
     */
    public void received(VerifiedEnvelope verified) {
        followUp(verified, false);
    }

    /**
     * Does again, at start, the follow-up of envelopes stored before an error or a crash cut it
     * short; {@code verify} checks the stored bytes again (with the peer certificates kept).
     * Idempotent: a ledger leaf already appended is not appended again. Returns how many.
     */
    public int resumeFollowUps(java.util.function.Function<SignedEnvelope, VerifiedEnvelope> verify) {
        int done = 0;
        for (InboxEntry entry : store.pendingFollowUps(10_000)) {
            try {
                followUp(verify.apply(entry.signed()), true);
                done++;
            } catch (RuntimeException e) {
                events.alarm(
                        Alarm.Kind.REFUSED,
                        "received " + entry.id() + " from " + entry.from() + " cannot be handled: " + e.getMessage());
            }
            store.followUpsDone(entry.from(), List.of(entry.id()));
        }
        return done;
    }

    private void followUp(VerifiedEnvelope verified, boolean again) {
        Envelope envelope = verified.envelope();
        if (!again) {
            events.count(Counter.RECEIVED);
        }
        ledger.keepPeerSigner(verified.signerCertificate());
        if (envelope.payload() instanceof Payload.LinkTest test) {
            if (test.treeHeadJson().isPresent()) {
                crossCheck(verified, test.treeHeadJson().get());
            } else {
                onCrossCheck(ledger.noTreeHead());
            }
            return;
        }
        if (envelope.payload() instanceof Payload.Ack ack) {
            store.recordAck(Direction.RECEIVED, verified.signed());
            record(verified, again);
            events.say(drafter.own() + " saw " + drafter.peer() + " acknowledge " + ack.envelopeId() + " (by "
                    + ack.role() + " at " + ack.acknowledgedAt() + ")");
            events.publishMessage(Topic.ACK, ack.envelopeId().toString(), "OUTBOUND", "ack");
            return;
        }
        if (needsAck(envelope.category())) {
            if (emergency(envelope.payload()) && emergencies.add(envelope.id())) {
                // No waiting for the 50 % re-alert: a distress call alerts the whole chain at once.
                events.alarm(
                        Alarm.Kind.EMERGENCY,
                        "EMERGENCY " + envelope.id() + " from " + envelope.from() + ", every role alerted ("
                                + watch.everyRole() + "): \"" + summary(envelope.payload()) + "\"");
            }
        }
        record(verified, again);
        if (needsAck(envelope.category())) {
            events.say(drafter.own() + " received " + envelope.precedence() + " " + envelope.category() + " "
                    + envelope.id() + " from " + envelope.from() + ": \"" + summary(envelope.payload()) + "\"");
            events.publishMessage(Topic.MESSAGE, envelope.id().toString(), "INBOUND", "new");
        }
    }

    /** The envelope's ledger leaf; when done again after a crash, only if it is not there yet. */
    private void record(VerifiedEnvelope verified, boolean again) {
        if (!again || !ledger.contains(verified.signed())) {
            ledger.record(verified.signed());
        }
    }

    /** The peer's link test carried a tree head or our countersigned head (see {@link NodeLedger}). */
    private void crossCheck(VerifiedEnvelope linkTest, String attachment) {
        PublicKey peerKey = linkTest.signerCertificate().getPublicKey();
        onCrossCheck(ledger.onPeerAttachment(attachment, peerKey));
    }

    private void onCrossCheck(NodeLedger.Outcome outcome) {
        switch (outcome) {
            case NodeLedger.Outcome.Reply reply -> sendLinkTest(reply.attachment());
            case NodeLedger.Outcome.Rewritten rewritten ->
                events.alarm(Alarm.Kind.PEER_RECORD_REWRITTEN, "FLASH " + rewritten.alarmText());
            case NodeLedger.Outcome.Done done -> store.audit("node", "ledger.cross-check", "", done.note());
            case NodeLedger.Outcome.Unchecked unchecked -> {
                events.alarm(Alarm.Kind.PEER_RECORD_UNCHECKED, unchecked.alarmText());
                unchecked.reply().ifPresent(this::sendLinkTest);
            }
        }
    }

    /** A link test through the outbox, carrying a ledger attachment to the peer. */
    private void sendLinkTest(String attachment) {
        byte[] nonce = drafter.nonce(12);
        Envelope envelope = drafter.draft()
                .precedence(Precedence.IMMEDIATE)
                .category(Category.LINKTEST)
                .payload(new Payload.LinkTest(
                        java.util.HexFormat.of().formatHex(nonce), drafter.now(), Optional.of(attachment)))
                .build();
        store.enqueue(drafter.sign(envelope));
        outbox.newEnvelopes();
    }

    /** A person acknowledges a received message: a signed ACK goes back to the sender. */
    public MessageView acknowledge(EnvelopeId id, String operator, String role) {
        InboxEntry entry = store.inboxEntry(drafter.peer(), id)
                .orElseThrow(() -> new Refused(404, "no received message " + id + " from " + drafter.peer()));
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
        Instant now = drafter.now();
        Envelope ack = drafter.draft()
                .precedence(entry.precedence())
                .category(Category.ACK)
                .inReplyTo(id)
                .payload(new Payload.Ack(id, role, now))
                .build();
        SignedEnvelope signed = drafter.sign(ack);
        store.enqueue(signed);
        ledger.record(signed);
        StoredAck stored = store.recordAck(Direction.SENT, signed);
        emergencies.remove(id);
        store.audit(operator, "acknowledge", id.toString(), "as " + role);
        events.count(Counter.ACKNOWLEDGED);
        events.say(drafter.own() + " " + role + " (" + operator + ") acknowledged " + id);
        outbox.newEnvelopes();
        events.publishMessage(Topic.ACK, id.toString(), "INBOUND", "ack");
        return inboundView(entry, Optional.of(stored));
    }

    public void setDeadline(Precedence precedence, java.time.Duration deadline, String operator) {
        watch.setDeadline(precedence, deadline);
        store.audit(operator, "config.ack-deadline", precedence.name(), deadline.toString());
    }

    /**
     * One round trip to the store (the node's store probe calls this every second): raises
     * STORE_UNREACHABLE when the store cannot be reached and STORE_REACHABLE when it answers again
     * (issue 20). Any other store failure is thrown.
     */
    public void probeStore() {
        try {
            store.ping();
        } catch (StoreException e) {
            storage.unanswered(e);
            return;
        }
        storage.answered();
    }

    /**
     * Checks the unacknowledged messages in the store against their deadlines, a page at a time (issue
     * 19, item 4): re-alerts at half of it, escalates at the
     * deadline (docs/decisions.md, decision 4) and records the first overdue in the ledger. The node calls this
     * a few times a second.
     */
    public void tick() {
        AckAlarms alarms = new AckAlarms(store, ledger, events, drafter);
        watch.tick(store::unacknowledgedReceived, alarms::add);
        alarms.finish();
    }

    /** The newest {@code limit} received messages of the categories people acknowledge, newest first. */
    public List<MessageView> inbox(int limit) {
        return inbox(0, limit);
    }

    /**
     * A page of received messages, newest first, skipping the newest {@code offset}: one query that
     * reads the page and its acknowledgments, however many messages the store holds.
     */
    public List<MessageView> inbox(int offset, int limit) {
        checkPage(offset, limit);
        List<MessageView> page = store.inboxPage(offset, limit).stream()
                .map(listed -> inboundView(listed.entry(), listed.ack()))
                .toList();
        return offset == 0 ? emergenciesFirst(page, limit) : page;
    }

    /**
     * The first page starts with every unacknowledged EMERGENCY, newest first, wherever it would
     * stand by time; the rest of the page follows, without repeating them.
     */
    private List<MessageView> emergenciesFirst(List<MessageView> page, int limit) {
        if (emergencies.isEmpty()) {
            return page;
        }
        List<MessageView> first = emergencies.stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .filter(v -> v.status() != MessageView.Status.ACKNOWLEDGED)
                .sorted(java.util.Comparator.comparing(MessageView::created).reversed())
                .toList();
        List<MessageView> out = new java.util.ArrayList<>(first);
        java.util.Set<EnvelopeId> shown = new java.util.HashSet<>();
        first.forEach(v -> shown.add(v.id()));
        page.stream().filter(v -> !shown.contains(v.id())).forEach(out::add);
        return out.subList(0, Math.min(out.size(), Math.max(limit, first.size())));
    }

    /** The newest {@code limit} messages our operators sent, newest first. */
    public List<MessageView> outbox(int limit) {
        return outbox(0, limit);
    }

    /**
     * A page of the messages our operators sent (not the node's own receipts, acks and link tests),
     * newest first, skipping the newest {@code offset}; one query, as {@link #inbox(int, int)}.
     */
    public List<MessageView> outbox(int offset, int limit) {
        checkPage(offset, limit);
        return store.outboxPage(drafter.own(), offset, limit).stream()
                .map(listed -> outboundView(listed.entry(), listed.ack()))
                .toList();
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new Refused(400, "'offset' must be a whole number >= 0: " + offset);
        }
        if (limit < 1) {
            throw new Refused(400, "'limit' must be a whole number >= 1: " + limit);
        }
    }

    public Optional<MessageView> find(EnvelopeId id) {
        Optional<InboxEntry> in = store.inboxEntry(drafter.peer(), id);
        if (in.isPresent()) {
            InboxEntry entry = in.get();
            return Optional.of(inboundView(entry, store.ack(Direction.SENT, entry.from(), id)));
        }
        return store.outboxEntry(id)
                .map(entry -> outboundView(entry, store.ack(Direction.RECEIVED, drafter.own(), id)));
    }

    /** Outbox entries still waiting for the peer's receipt (for /metrics): an indexed count. */
    public long outboxPending() {
        return store.pendingOutboxCount();
    }

    private MessageView inboundView(InboxEntry entry, Optional<StoredAck> ack) {
        Envelope envelope = entry.envelope();
        // From when it was stored here, by this node's clock, as the acknowledgment watch counts
        // (AckWatch): the sender's date says nothing reliable about how long our officers have had it.
        Instant deadline = entry.received().plus(watch.deadline(entry.precedence()));
        MessageView.Status status = ack.isPresent()
                ? MessageView.Status.ACKNOWLEDGED
                : drafter.now().isAfter(deadline) ? MessageView.Status.OVERDUE : MessageView.Status.RECEIVED;
        return new MessageView(
                entry.id(),
                MessageView.Direction.INBOUND,
                entry.from(),
                drafter.own(),
                entry.precedence(),
                entry.category(),
                entry.created(),
                summary(envelope.payload()),
                status,
                Optional.of(entry.received()),
                ack.map(StoredAck::role),
                ack.map(StoredAck::acknowledged),
                deadline,
                ack.isPresent()
                        ? Optional.empty()
                        : emergency(envelope.payload())
                                ? Optional.of(watch.everyRole())
                                : Optional.of(watch.responsibleRole(entry.precedence(), entry.received())),
                chinese(envelope.payload()),
                Optional.empty(),
                emergency(envelope.payload()));
    }

    private MessageView outboundView(OutboxEntry entry, Optional<StoredAck> ack) {
        Instant deadline = entry.created().plus(watch.deadline(entry.precedence()));
        MessageView.Status status;
        if (ack.isPresent()) {
            status = MessageView.Status.ACKNOWLEDGED;
        } else if (drafter.now().isAfter(deadline)) {
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
                drafter.own(),
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
                Optional.of(new MessageView.Delivery(entry.attempts(), entry.nextAttempt(), entry.lastError())),
                emergency(envelope.payload()));
    }

    /** The Chinese rendering of a phrasebook message; empty for anything else. */
    private static Optional<String> chinese(Payload payload) {
        return payload instanceof Payload.SafetyNotice s ? Optional.of(render(s, Reader.chinese())) : Optional.empty();
    }

    /**
     * A phrasebook message in the reader's language and units. One from a newer phrasebook (an
     * unknown code) is still shown, with its codes and parameters: a safety message is never hidden.
     */
    public static String render(Payload.SafetyNotice notice, Reader reader) {
        return switch (PHRASEBOOK.render(Phrasebook.messageOf(notice), reader)) {
            case Rendering.Rendered rendered -> rendered.text();
            case Rendering.Refused refused ->
                String.join(" ", notice.phraseCodes()) + " " + notice.parameters()
                        + (notice.freeText().isEmpty() ? "" : " / " + notice.freeText()) + " [not rendered: "
                        + refused.reason() + "]";
        };
    }

    public static String summary(Payload payload) {
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
