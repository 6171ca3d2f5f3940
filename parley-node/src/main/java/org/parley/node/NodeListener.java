package org.parley.node;

import java.util.Optional;
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
import org.parley.wire.EnvelopeId;

/** What the federation tells the node, passed to the service that acts on it. */
final class NodeListener implements FederationListener {
    private final NodeConfig config;
    private final NodeEvents events;
    private final NodeLedger ledger;
    private final NodeDialogue dialogue;
    private final MessageService messages;

    NodeListener(
            NodeConfig config, NodeEvents events, NodeLedger ledger, NodeDialogue dialogue, MessageService messages) {
        this.config = config;
        this.events = events;
        this.ledger = ledger;
        this.dialogue = dialogue;
        this.messages = messages;
    }

    @Override
    public Optional<String> refusal(VerifiedEnvelope envelope) {
        return dialogue.admit(envelope.envelope());
    }

    @Override
    public void received(VerifiedEnvelope envelope) {
        messages.received(envelope);
    }

    @Override
    public void delivered(EnvelopeId id, VerifiedEnvelope receipt) {
        messages.delivered(id, receipt);
    }

    @Override
    public void link(LinkEvent event) {
        switch (event) {
            case LinkEvent.AlarmRaised r ->
                events.alarm(
                        Alarm.Kind.LINK_DOWN,
                        r.consecutiveMisses() + " link tests in a row unanswered by " + config.peer());
            case LinkEvent.AlarmCleared c ->
                events.alarm(Alarm.Kind.LINK_RESTORED, "link to " + config.peer() + " answers again");
        }
    }

    @Override
    public void delivery(DeliveryStall event) {
        switch (event) {
            case DeliveryStall.Stuck stuck ->
                events.alarm(
                        Alarm.Kind.DELIVERY_STALLED,
                        stuck.lane() + " delivery to " + config.peer() + " has not moved for "
                                + stuck.stuckFor().toSeconds() + " s; those messages wait in the outbox"
                                + " (the node log shows where it is stuck)");
            case DeliveryStall.Resumed resumed ->
                events.alarm(
                        Alarm.Kind.DELIVERY_RESUMED, resumed.lane() + " delivery to " + config.peer() + " moves again");
        }
    }

    @Override
    public void flashOverdue(FlashOverdue overdue) {
        events.alarm(
                Alarm.Kind.FLASH_OVERDUE,
                "FLASH " + overdue.id() + " has no receipt from " + config.peer() + " after "
                        + overdue.waited().toSeconds() + " s and " + overdue.failedAttempts()
                        + " failed attempts; last error: " + overdue.lastError());
    }

    @Override
    public Optional<String> linkTestAttachment() {
        return Optional.of(ledger.linkTestAttachment());
    }

    @Override
    public void refused(int count, String reason) {
        events.count(Counter.REFUSED, count);
        events.alarm(Alarm.Kind.REFUSED, reason);
    }
}
