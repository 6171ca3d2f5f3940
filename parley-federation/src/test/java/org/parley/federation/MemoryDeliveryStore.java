package org.parley.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeId;
import org.parley.wire.SignedEnvelope;

/** A DeliveryStore in memory, for tests of the protocol; the JDBC store is tested on its own. */
class MemoryDeliveryStore implements DeliveryStore {
    private record Row(Outbound outbound, Instant nextAttempt, boolean delivered) {}

    private final Map<EnvelopeId, Row> outbox = new LinkedHashMap<>();
    private final Map<String, SignedEnvelope> receiptsByInboxKey = new LinkedHashMap<>();
    private final List<Envelope> inbox = new ArrayList<>();
    private final Map<EnvelopeId, SignedEnvelope> receiptsForOutbound = new LinkedHashMap<>();
    private final List<String> audit = new ArrayList<>();
    private final Map<EnvelopeId, String> lastErrors = new LinkedHashMap<>();

    synchronized void enqueue(Envelope envelope, SignedEnvelope signed) {
        outbox.put(
                envelope.id(),
                new Row(new Outbound(envelope.id(), envelope.precedence(), signed, 0), Instant.MIN, false));
    }

    @Override
    public synchronized List<Outbound> due(Instant now, int limit) {
        return outbox.values().stream()
                .filter(r -> !r.delivered() && !r.nextAttempt().isAfter(now))
                .map(Row::outbound)
                .sorted(Comparator.comparing((Outbound o) -> o.precedence().rank())
                        .thenComparing(Outbound::id))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized void delivered(EnvelopeId id, VerifiedEnvelope receipt, Instant at) {
        Row row = outbox.get(id);
        if (row != null) {
            outbox.put(id, new Row(row.outbound(), row.nextAttempt(), true));
            receiptsForOutbound.put(id, receipt.signed());
        }
    }

    @Override
    public synchronized int retryNow() {
        int waiting = 0;
        for (Map.Entry<EnvelopeId, Row> e : outbox.entrySet()) {
            Row row = e.getValue();
            if (!row.delivered() && row.nextAttempt().isAfter(Instant.now())) {
                e.setValue(new Row(row.outbound(), Instant.MIN, false));
                waiting++;
            }
        }
        return waiting;
    }

    @Override
    public synchronized void retryLater(EnvelopeId id, Instant nextAttempt, String lastError) {
        lastErrors.put(id, lastError);
        Row row = outbox.get(id);
        if (row != null && !row.delivered()) {
            Outbound o = row.outbound();
            outbox.put(
                    id,
                    new Row(new Outbound(o.id(), o.precedence(), o.signed(), o.attempts() + 1), nextAttempt, false));
        }
    }

    @Override
    public synchronized Accepted accept(VerifiedEnvelope envelope, Function<Instant, SignedEnvelope> receipt) {
        String key = envelope.envelope().from() + "/" + envelope.envelope().id();
        SignedEnvelope existing = receiptsByInboxKey.get(key);
        if (existing != null) {
            return new Accepted(existing, true);
        }
        SignedEnvelope made = receipt.apply(Instant.now());
        receiptsByInboxKey.put(key, made);
        inbox.add(envelope.envelope());
        return new Accepted(made, false);
    }

    @Override
    public synchronized Map<EnvelopeId, SignedEnvelope> storedReceipts(
            org.parley.wire.Party from, List<EnvelopeId> ids) {
        Map<EnvelopeId, SignedEnvelope> found = new LinkedHashMap<>();
        for (EnvelopeId id : ids) {
            SignedEnvelope receipt = receiptsByInboxKey.get(from + "/" + id);
            if (receipt != null) {
                found.put(id, receipt);
            }
        }
        return found;
    }

    @Override
    public synchronized void audit(String event, String detail) {
        audit.add(event + ": " + detail);
    }

    synchronized List<Envelope> inbox() {
        return List.copyOf(inbox);
    }

    synchronized long undelivered() {
        return outbox.values().stream().filter(r -> !r.delivered()).count();
    }

    synchronized Map<EnvelopeId, SignedEnvelope> receipts() {
        return Map.copyOf(receiptsForOutbound);
    }

    synchronized String lastError(EnvelopeId id) {
        return lastErrors.getOrDefault(id, "");
    }

    synchronized List<String> audit() {
        return List.copyOf(audit);
    }
}
