package org.parley.node;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.Revocation;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.federation.DeliveryStall;
import org.parley.federation.FederationListener;
import org.parley.federation.FlashOverdue;
import org.parley.federation.LinkEvent;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.node.events.NodeEvents.Counter;
import org.parley.node.messages.MessageService;
import org.parley.node.record.NodeDialogue;
import org.parley.node.record.NodeLedger;
import org.parley.node.watch.EncounterWatch;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the federation tells the node, passed to the service that acts on it. */
final class NodeListener implements FederationListener {
    private static final Logger LOG = LoggerFactory.getLogger(NodeListener.class);
    /** A peer can send refused batches as fast as it retries: one REFUSED alarm a minute at most. */
    private static final Duration REFUSED_ALARM_EVERY = Duration.ofMinutes(1);
    /**
     * A wrong clock lasts until someone fixes it: one PEER_CLOCK_AHEAD and one PEER_CLOCK_BEHIND alarm
     * every 10 minutes at most.
     */
    private static final Duration CLOCK_ALARM_EVERY = Duration.ofMinutes(10);

    /** The services that act on what arrives from the peer. */
    record Services(MessageService messages, EncounterWatch watch, NodeDialogue dialogue, NodeLedger ledger) {}

    /** Where the federation's alarms go: the node's events, FLASH-overdue tracking, the alarm throttle. */
    record Alarms(NodeEvents events, FlashOverdueAlarms overdue, AlarmThrottle throttle) {}

    private final Party peer;
    private final PartyIdentity identity;
    private final NodeEvents events;
    private final NodeLedger ledger;
    private final NodeDialogue dialogue;
    private final MessageService messages;
    private final EncounterWatch watch;
    private final FlashOverdueAlarms overdue;
    private final AlarmThrottle throttle;

    /** {@code identity} keeps the revocation lists {@code peer} sends. */
    NodeListener(Party peer, PartyIdentity identity, Services services, Alarms alarms) {
        this.peer = peer;
        this.identity = identity;
        this.messages = services.messages();
        this.watch = services.watch();
        this.dialogue = services.dialogue();
        this.ledger = services.ledger();
        this.events = alarms.events();
        this.overdue = alarms.overdue();
        this.throttle = alarms.throttle();
    }

    @Override
    public Optional<String> refusal(VerifiedEnvelope envelope) {
        return dialogue.admit(envelope.envelope());
    }

    @Override
    public void received(VerifiedEnvelope envelope) {
        messages.received(envelope);
        Envelope e = envelope.envelope();
        if (e.precedence() == Precedence.FLASH && e.payload() instanceof Payload.SafetyNotice notice) {
            // Stored and receipted already; linking it to our own incident is a view on top, and a
            // failure there must not touch the message itself.
            try {
                watch.onPeerNotice(e.from(), e.id(), notice, MessageService.summary(notice));
            } catch (RuntimeException ex) {
                LOG.warn("could not link {}'s FLASH {} to an incident: {}", e.from(), e.id(), ex.toString());
            }
        }
    }

    @Override
    public void delivered(EnvelopeId id, VerifiedEnvelope receipt) {
        messages.delivered(id, receipt);
        overdue.receipted(id);
    }

    @Override
    public void link(LinkEvent event) {
        switch (event) {
            case LinkEvent.AlarmRaised r ->
                events.alarm(
                        Alarm.Kind.LINK_DOWN, r.consecutiveMisses() + " link tests in a row unanswered by " + peer);
            case LinkEvent.AlarmCleared c ->
                events.alarm(Alarm.Kind.LINK_RESTORED, "link to " + peer + " answers again");
            case LinkEvent.PeerClockBehind b -> peerClockBehind(b.behind());
        }
    }

    @Override
    public void delivery(DeliveryStall event) {
        switch (event) {
            case DeliveryStall.Stuck stuck ->
                events.alarm(
                        Alarm.Kind.DELIVERY_STALLED,
                        stuck.lane() + " delivery to " + peer + " has not moved for "
                                + stuck.stuckFor().toSeconds() + " s; those messages wait in the outbox"
                                + " (the node log shows where it is stuck)");
            case DeliveryStall.Resumed resumed ->
                events.alarm(Alarm.Kind.DELIVERY_RESUMED, resumed.lane() + " delivery to " + peer + " moves again");
        }
    }

    @Override
    public void flashOverdue(FlashOverdue flash) {
        // One alarm per outage, not one per FLASH; the watchdog logged and audited this one already.
        overdue.overdue(flash);
    }

    @Override
    public Optional<String> linkTestAttachment() {
        return Optional.of(ledger.linkTestAttachment());
    }

    @Override
    public void peerKeysRevoked(List<Revocation> revocations, String pem) {
        events.alarm(
                Alarm.Kind.PEER_KEY_REVOKED,
                peer + "'s CA revoked signing key(s) "
                        + revocations.stream()
                                .map(r -> r.keyId() + " from " + r.revokedAt())
                                .toList()
                        + "; envelopes they signed from then on are refused");
        try {
            identity.keepPeerRevocationList(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            // Honoured already; the peer sends its list with every batch, so it is kept next time.
            LOG.error("cannot keep {}'s revocation list in the keys folder: {}", peer, e.toString());
        }
    }

    @Override
    public void refused(int count, String reason) {
        events.count(Counter.REFUSED, count);
        throttle.raise(Alarm.Kind.REFUSED, REFUSED_ALARM_EVERY, reason);
    }

    @Override
    public void peerClockAhead(EnvelopeId id, Duration ahead) {
        LOG.warn("{}'s envelope {} is dated {} s ahead of this node's clock", peer, id, ahead.toSeconds());
        throttle.raise(
                Alarm.Kind.PEER_CLOCK_AHEAD,
                CLOCK_ALARM_EVERY,
                peer + "'s envelope " + id + " is dated " + ahead.toSeconds()
                        + " s ahead of this node's clock: one of the two clocks is wrong (check both nodes'"
                        + " time sources). Its messages are still accepted, up to 24 h ahead, and their"
                        + " acknowledgment deadlines count from when they were stored here");
    }

    /** A link test's answer put the peer's clock {@code behind} ours (LinkMonitor, RFC 5905 offset). */
    private void peerClockBehind(Duration behind) {
        // Federation logged and audited the link test's finding already.
        throttle.raise(
                Alarm.Kind.PEER_CLOCK_BEHIND,
                CLOCK_ALARM_EVERY,
                peer + "'s clock is " + behind.toSeconds() + " s behind this node's (measured by a link"
                        + " test): one of the two clocks is wrong (check both nodes' time sources). Its messages"
                        + " are still accepted, up to 24 h old, and their acknowledgment deadlines count from"
                        + " when they were stored here");
    }
}
