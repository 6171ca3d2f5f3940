package org.parley.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.ledger.LeafStore;
import org.parley.ledger.TreeHeadStore;
import org.parley.wire.CanonicalBytes;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeCodec;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.Precedence;
import org.parley.wire.Signature;
import org.parley.wire.SignedEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Store} over JDBC; the SQL is the same for both engines. */
final class JdbcStore implements Store {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);
    static final String OUTBOX_COLUMNS = "envelope_id, to_party, precedence_rank, category, created_micros,"
            + " canonical, signature, status, attempts, next_attempt_micros, last_error, delivered_micros";
    static final String INBOX_COLUMNS = "from_party, envelope_id, precedence_rank, category, created_micros,"
            + " received_micros, canonical, signature, sha256";

    /** Ids per IN (...) list: far below SQLite's and PostgreSQL's bound-parameter limits. */
    private static final int IN_LIST_MAX = 500;

    private final Engine engine;
    private final Sql sql;
    private final InstantSource clock;
    private final Records records;
    private final JdbcLeafStore leaves;
    private final JdbcTreeHeadStore heads;
    private final Listings listings;

    private final javax.sql.DataSource shared;

    /** The pools this store closes (none for the safety lane's view). */
    private final List<HikariDataSource> owned;

    /**
     * The store's background work (SQLite's checkpoints, PostgreSQL's planner statistics), stopped
     * before the pools close; none for the safety lane's view, which shares the store's.
     */
    private final List<Upkeep> upkeep;

    /** The safety lane's view (issue 20); this store itself for the view. */
    private final JdbcStore safetyLane;

    private JdbcStore(
            Engine engine,
            Sql sql,
            Sql safetySql,
            javax.sql.DataSource shared,
            InstantSource clock,
            List<HikariDataSource> owned,
            List<Upkeep> upkeep) {
        this.engine = engine;
        this.shared = shared;
        this.sql = sql;
        this.clock = clock;
        this.records = new Records(sql, clock);
        this.leaves = new JdbcLeafStore(sql);
        this.heads = new JdbcTreeHeadStore(sql);
        this.listings = new Listings(sql);
        this.owned = List.copyOf(owned);
        this.upkeep = List.copyOf(upkeep);
        this.safetyLane = sql == safetySql
                ? this
                : new JdbcStore(engine, safetySql, safetySql, shared, clock, List.of(), List.of());
    }

    /**
     * A store on {@code dataSource} with its safety lane (issue 20): on SQLite the same single
     * connection, taken in {@link Turns}, and reader connections for queries ({@link Sql#read}); on
     * PostgreSQL a small pool of its own.
     */
    private static JdbcStore withSafetyLane(
            Engine engine, HikariDataSource dataSource, javax.sql.DataSource shared, InstantSource clock) {
        if (engine == Engine.SQLITE) {
            Turns turns = Turns.serial();
            // The bulk lane's three readers are shared with the checkpoints, which may take tens of
            // milliseconds under a bulk load; the safety lane's FLASH reads (due query, duplicate
            // check) have two of their own (a node sends and receives), so they never wait for a
            // reader (issue 20).
            HikariDataSource readers = engine.readers(dataSource, "readers", 3);
            HikariDataSource safetyReaders = engine.readers(dataSource, "safety-readers", 2);
            return new JdbcStore(
                    engine,
                    new Sql(dataSource, turns, false, readers),
                    new Sql(dataSource, turns, true, safetyReaders),
                    shared,
                    clock,
                    List.of(dataSource, readers, safetyReaders),
                    List.of(Checkpoints.start(readers)));
        }
        HikariDataSource safetyPool = engine.safetyPool(dataSource);
        Sql bulk = new Sql(dataSource, Turns.NONE, false);
        return new JdbcStore(
                engine,
                bulk,
                new Sql(safetyPool, Turns.NONE, true),
                shared,
                clock,
                List.of(dataSource, safetyPool),
                List.of(PlannerStatistics.start(bulk)));
    }

    static JdbcStore open(
            HikariDataSource dataSource,
            javax.sql.DataSource migrations,
            Engine engine,
            String schema,
            InstantSource clock) {
        try {
            var configuration = Flyway.configure()
                    .dataSource(migrations)
                    .locations("classpath:org/parley/store/migration")
                    .placeholders(engine.placeholders());
            if (!schema.isEmpty()) {
                configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
            }
            var result = configuration.load().migrate();
            LOG.info("store on {}: schema at version {}", engine, result.targetSchemaVersion);
            return withSafetyLane(engine, dataSource, migrations, clock);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("store: cannot migrate the " + engine + " schema: " + e.getMessage(), e);
        }
    }

    private Instant now() {
        return Sql.instant(Sql.micros(clock.instant()));
    }

    static Envelope parse(SignedEnvelope signed) {
        return EnvelopeCodec.parse(signed.canonical()).orElseThrow();
    }

    static SignedEnvelope signed(ResultSet row) throws SQLException {
        return signed(row, "canonical", "signature");
    }

    static SignedEnvelope signed(ResultSet row, String canonicalColumn, String signatureColumn) throws SQLException {
        return new SignedEnvelope(
                CanonicalBytes.of(row.getBytes(canonicalColumn)),
                Signature.fromBase64Url(row.getString(signatureColumn)));
    }

    // --- outbox --------------------------------------------------------------------------

    @Override
    public OutboxEntry enqueue(SignedEnvelope signed) {
        return enqueueAll(List.of(signed)).get(0);
    }

    @Override
    public List<OutboxEntry> enqueueAll(List<SignedEnvelope> batch) {
        List<Envelope> envelopes = batch.stream().map(JdbcStore::parse).toList();
        long due = Sql.micros(now());
        return sql.tx("enqueue " + batch.size() + " envelopes", c -> {
            List<OutboxEntry> entries = new java.util.ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Envelope envelope = envelopes.get(i);
                SignedEnvelope signed = batch.get(i);
                Sql.update(
                        c,
                        "INSERT INTO outbox (" + OUTBOX_COLUMNS + ")"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, NULL, NULL)"
                                + " ON CONFLICT (envelope_id) DO NOTHING",
                        envelope.id().toString(),
                        envelope.to().name(),
                        envelope.precedence().rank(),
                        envelope.category().name(),
                        Sql.micros(envelope.created()),
                        signed.canonical().toByteArray(),
                        signed.signature().toBase64Url(),
                        due);
                entries.add(outbox(c, envelope.id()).orElseThrow());
            }
            return entries;
        });
    }

    /**
     * A next attempt further ahead than this cannot be a retry's backoff (the caps are seconds:
     * docs/operations.md, {@code federation.retryMax}); it was set before this node's clock was
     * stepped back, and the entry is due now. Without this, an entry queued or retried just before a
     * step back of an hour waited that hour (issue 20, clock-step fault: one envelope of 647 was held
     * so). A cap configured longer than this only makes such retries come sooner.
     */
    static final Duration LONGEST_RETRY_WAIT = Duration.ofMinutes(10);

    /**
     * The outbox's "due" condition: pending, and never tried, or its next attempt reached, or that
     * attempt implausibly far ahead ({@link #LONGEST_RETRY_WAIT}). Binds now, then now + the wait.
     */
    private static final String DUE =
            "status = 'PENDING'" + " AND (attempts = 0 OR next_attempt_micros <= ? OR next_attempt_micros > ?)";

    @Override
    public List<OutboxEntry> due(int limit) {
        return dueWhere("list due outbox entries", "", "precedence_rank, created_micros, envelope_id", limit);
    }

    @Override
    public List<OutboxEntry> dueFlash(int limit) {
        return dueWhere(
                "list due FLASH outbox entries",
                "precedence_rank = " + Precedence.FLASH.rank() + " AND ",
                "created_micros, envelope_id",
                limit);
    }

    /** Due entries ({@link #DUE}) that also meet {@code also} (SQL ending in AND, or empty), in {@code order}. */
    private List<OutboxEntry> dueWhere(String what, String also, String order, int limit) {
        Instant now = now();
        return sql.read(
                what,
                c -> Sql.query(
                        c,
                        JdbcStore::outboxRow,
                        "SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE " + also + DUE + " ORDER BY " + order
                                + " LIMIT ?",
                        Sql.micros(now),
                        Sql.micros(now.plus(LONGEST_RETRY_WAIT)),
                        limit));
    }

    @Override
    public int retryPendingNow() {
        long now = Sql.micros(now());
        return sql.tx(
                "make the waiting outbox entries due now",
                c -> Sql.update(
                        c,
                        "UPDATE outbox SET next_attempt_micros = ? WHERE status = 'PENDING' AND next_attempt_micros > ?",
                        now,
                        now));
    }

    @Override
    public OutboxEntry recordFailedAttempt(EnvelopeId id, Instant nextAttempt, String error) {
        return sql.tx("record a failed attempt for " + id, c -> {
            int changed = Sql.update(
                    c,
                    "UPDATE outbox SET attempts = attempts + 1, next_attempt_micros = ?, last_error = ?"
                            + " WHERE envelope_id = ? AND status = 'PENDING'",
                    Sql.micros(nextAttempt),
                    error,
                    id.toString());
            OutboxEntry entry = outbox(c, id).orElseThrow(() -> new StoreException("no outbox entry " + id));
            if (changed == 0) {
                LOG.debug("attempt recorded for {} which is already {}", id, entry.status());
            }
            return entry;
        });
    }

    @Override
    public OutboxEntry markDelivered(EnvelopeId id, VerifiedEnvelope receipt) {
        return markAllDelivered(List.of(new Delivery(id, receipt))).get(0);
    }

    @Override
    public List<OutboxEntry> markAllDelivered(List<Delivery> deliveries) {
        List<Payload.Receipt> bodies = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            EnvelopeId id = delivery.id();
            if (!(delivery.receipt().envelope().payload() instanceof Payload.Receipt body)
                    || !body.envelopeId().equals(id)) {
                throw new StoreException(
                        "envelope " + delivery.receipt().envelope().id() + " is not a receipt for " + id);
            }
            bodies.add(body);
        }
        String what = deliveries.size() == 1
                ? "mark " + deliveries.get(0).id() + " delivered"
                : "mark " + deliveries.size() + " envelopes delivered";
        return sql.tx(what, c -> {
            List<Object[]> receipts = new ArrayList<>(deliveries.size());
            List<Object[]> updates = new ArrayList<>(deliveries.size());
            long deliveredAt = Sql.micros(now());
            List<EnvelopeId> ids = deliveries.stream().map(Delivery::id).toList();
            Map<EnvelopeId, OutboxEntry> before = outbox(c, ids);
            for (int i = 0; i < deliveries.size(); i++) {
                EnvelopeId id = deliveries.get(i).id();
                VerifiedEnvelope receipt = deliveries.get(i).receipt();
                String quoted = bodies.get(i).sha256Hex();
                OutboxEntry entry = before.get(id);
                if (entry == null) {
                    throw new StoreException("no outbox entry " + id);
                }
                if (!entry.signed().sha256Hex().equals(quoted)) {
                    throw new StoreException("the receipt for " + id + " quotes hash " + quoted
                            + " but we sent bytes hashing to " + entry.signed().sha256Hex());
                }
                receipts.add(Records.receiptRow(
                        Direction.RECEIVED, receipt.envelope().to(), id, receipt.signed(), receipt.envelope()));
                updates.add(new Object[] {deliveredAt, id.toString()});
            }
            Sql.batch(c, Records.INSERT_RECEIPT, receipts);
            Sql.batch(
                    c,
                    "UPDATE outbox SET status = 'DELIVERED', delivered_micros = ? WHERE envelope_id = ? AND status = 'PENDING'",
                    updates);
            Map<EnvelopeId, OutboxEntry> after = outbox(c, ids);
            return ids.stream().map(after::get).map(Objects::requireNonNull).toList();
        });
    }

    @Override
    public Optional<OutboxEntry> outboxEntry(EnvelopeId id) {
        return sql.tx("read outbox entry " + id, c -> outbox(c, id));
    }

    private static Optional<OutboxEntry> outbox(Connection c, EnvelopeId id) throws SQLException {
        return Sql.queryOne(
                c,
                JdbcStore::outboxRow,
                "SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE envelope_id = ?",
                id.toString());
    }

    /** The outbox rows of {@code ids}, in one query per {@value #IN_LIST_MAX} ids (one round trip each). */
    private static Map<EnvelopeId, OutboxEntry> outbox(Connection c, List<EnvelopeId> ids) throws SQLException {
        Map<EnvelopeId, OutboxEntry> rows = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_LIST_MAX) {
            List<EnvelopeId> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST_MAX));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            for (OutboxEntry entry : Sql.query(
                    c,
                    JdbcStore::outboxRow,
                    "SELECT " + OUTBOX_COLUMNS + " FROM outbox WHERE envelope_id IN (" + marks + ")",
                    part.stream().map(EnvelopeId::toString).toArray())) {
                rows.put(entry.id(), entry);
            }
        }
        return rows;
    }

    @Override
    public List<OutboxEntry> outbox(int offset, int limit) {
        return sql.tx(
                "list the outbox",
                c -> Sql.query(
                        c,
                        JdbcStore::outboxRow,
                        "SELECT " + OUTBOX_COLUMNS
                                + " FROM outbox ORDER BY created_micros, envelope_id LIMIT ? OFFSET ?",
                        limit,
                        offset));
    }

    static OutboxEntry outboxRow(ResultSet row) throws SQLException {
        long delivered = row.getLong("delivered_micros");
        boolean wasDelivered = !row.wasNull();
        return new OutboxEntry(
                EnvelopeId.parse(row.getString("envelope_id")),
                new Party(row.getString("to_party")),
                precedence(row.getInt("precedence_rank")),
                org.parley.wire.Category.valueOf(row.getString("category")),
                Sql.instant(row.getLong("created_micros")),
                signed(row),
                OutboxEntry.Status.valueOf(row.getString("status")),
                row.getInt("attempts"),
                Sql.instant(row.getLong("next_attempt_micros")),
                Optional.ofNullable(row.getString("last_error")),
                wasDelivered ? Optional.of(Sql.instant(delivered)) : Optional.empty());
    }

    private static Precedence precedence(int rank) {
        for (Precedence precedence : Precedence.values()) {
            if (precedence.rank() == rank) {
                return precedence;
            }
        }
        throw new StoreException("unknown precedence rank in the database: " + rank);
    }

    // --- inbox ---------------------------------------------------------------------------

    @Override
    public Received receive(VerifiedEnvelope verified, ReceiptMaker receipts) {
        return receiveAll(
                        List.of(verified),
                        stored -> stored.stream().map(receipts::receiptFor).toList())
                .get(0);
    }

    @Override
    public List<Received> receiveAll(List<VerifiedEnvelope> batch, BatchReceiptMaker receipts) {
        return receiveAll(batch, now(), receipts);
    }

    @Override
    public List<Received> receiveAll(List<VerifiedEnvelope> batch, Instant receivedAt, BatchReceiptMaker receipts) {
        Instant received = Sql.instant(Sql.micros(receivedAt));
        List<InboxEntry> rows = new ArrayList<>(batch.size());
        for (VerifiedEnvelope verified : batch) {
            Envelope envelope = verified.envelope();
            SignedEnvelope signed = verified.signed();
            rows.add(new InboxEntry(
                    envelope.from(),
                    envelope.id(),
                    envelope.precedence(),
                    envelope.category(),
                    envelope.created(),
                    received,
                    signed,
                    signed.sha256Hex()));
        }
        String what = rows.size() == 1
                ? "receive " + rows.get(0).from() + "/" + rows.get(0).id()
                : "receive " + rows.size() + " envelopes";
        return sql.tx(what, c -> {
            List<Object[]> values = new ArrayList<>(rows.size());
            for (InboxEntry row : rows) {
                values.add(new Object[] {
                    row.from().name(),
                    row.id().toString(),
                    row.precedence().rank(),
                    row.category().name(),
                    Sql.micros(row.created()),
                    Sql.micros(row.received()),
                    row.signed().canonical().toByteArray(),
                    row.signed().signature().toBase64Url(),
                    row.sha256Hex()
                });
            }
            // ON CONFLICT DO NOTHING: 1 for a new row, 0 for a duplicate (also of a row earlier in
            // this batch).
            int[] inserted = Sql.batch(
                    c,
                    "INSERT INTO inbox (" + INBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (from_party, envelope_id) DO NOTHING",
                    values);
            List<InboxEntry> fresh = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (inserted[i] == 1) {
                    fresh.add(rows.get(i));
                }
            }
            List<SignedEnvelope> made = fresh.isEmpty() ? List.of() : receipts.receiptsFor(fresh);
            if (made.size() != fresh.size()) {
                throw new StoreException(
                        "the receipt maker returned " + made.size() + " receipts for " + fresh.size() + " rows");
            }
            List<Object[]> receiptRows = new ArrayList<>(made.size());
            for (int i = 0; i < fresh.size(); i++) {
                InboxEntry row = fresh.get(i);
                receiptRows.add(
                        Records.receiptRow(Direction.SENT, row.from(), row.id(), made.get(i), parse(made.get(i))));
            }
            Sql.batch(c, Records.INSERT_RECEIPT, receiptRows);
            Sql.batch(
                    c,
                    "INSERT INTO inbox_follow_up (from_party, envelope_id) VALUES (?, ?)",
                    fresh.stream()
                            .map(row ->
                                    new Object[] {row.from().name(), row.id().toString()})
                            .toList());
            List<Received> results = new ArrayList<>(rows.size());
            for (int i = 0, f = 0; i < rows.size(); i++) {
                if (inserted[i] == 1) {
                    results.add(new Received(rows.get(i), made.get(f++), false));
                } else {
                    results.add(original(c, rows.get(i)));
                }
            }
            return results;
        });
    }

    private static Received original(Connection c, InboxEntry duplicate) throws SQLException {
        InboxEntry original = inbox(c, duplicate.from(), duplicate.id()).orElseThrow();
        SignedEnvelope receipt = Records.receipt(c, Direction.SENT, duplicate.from(), duplicate.id())
                .orElseThrow(() -> new StoreException("inbox row " + duplicate.id() + " has no receipt"));
        return new Received(original, receipt, true);
    }

    @Override
    public Optional<InboxEntry> inboxEntry(Party from, EnvelopeId id) {
        return sql.tx("read inbox entry " + from + "/" + id, c -> inbox(c, from, id));
    }

    @Override
    public List<InboxEntry> inbox(int offset, int limit) {
        return sql.tx(
                "list the inbox",
                c -> Sql.query(
                        c,
                        JdbcStore::inboxRow,
                        "SELECT " + INBOX_COLUMNS + " FROM inbox ORDER BY received_micros, from_party, envelope_id"
                                + " LIMIT ? OFFSET ?",
                        limit,
                        offset));
    }

    private static Optional<InboxEntry> inbox(Connection c, Party from, EnvelopeId id) throws SQLException {
        return Sql.queryOne(
                c,
                JdbcStore::inboxRow,
                "SELECT " + INBOX_COLUMNS + " FROM inbox WHERE from_party = ? AND envelope_id = ?",
                from.name(),
                id.toString());
    }

    static InboxEntry inboxRow(ResultSet row) throws SQLException {
        return new InboxEntry(
                new Party(row.getString("from_party")),
                EnvelopeId.parse(row.getString("envelope_id")),
                precedence(row.getInt("precedence_rank")),
                org.parley.wire.Category.valueOf(row.getString("category")),
                Sql.instant(row.getLong("created_micros")),
                Sql.instant(row.getLong("received_micros")),
                signed(row),
                row.getString("sha256"));
    }

    @Override
    public Optional<SignedEnvelope> receipt(Direction direction, Party sender, EnvelopeId id) {
        return sql.tx("read receipt for " + id, c -> Records.receipt(c, direction, sender, id));
    }

    @Override
    public Map<EnvelopeId, SignedEnvelope> receipts(Direction direction, Party sender, List<EnvelopeId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return sql.read("read receipts for " + ids.size() + " envelopes", c -> {
            Map<EnvelopeId, SignedEnvelope> found = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IN_LIST_MAX) {
                List<EnvelopeId> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST_MAX));
                Records.receipts(c, direction, sender, part, found);
            }
            return found;
        });
    }

    @Override
    public List<InboxEntry> pendingFollowUps(int limit) {
        return sql.tx(
                "list the received envelopes whose follow-up is pending",
                c -> Sql.query(
                        c,
                        JdbcStore::inboxRow,
                        "SELECT " + INBOX_COLUMNS.replace("from_party, envelope_id,", "i.from_party, i.envelope_id,")
                                + " FROM inbox i JOIN inbox_follow_up f ON f.from_party = i.from_party"
                                + " AND f.envelope_id = i.envelope_id ORDER BY i.received_micros LIMIT ?",
                        limit));
    }

    @Override
    public void followUpsDone(Party from, List<EnvelopeId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        sql.tx(
                "mark the follow-up of " + ids.size() + " received envelopes done",
                c -> Sql.batch(
                        c,
                        "DELETE FROM inbox_follow_up WHERE from_party = ? AND envelope_id = ?",
                        ids.stream()
                                .map(id -> new Object[] {from.name(), id.toString()})
                                .toList()));
    }

    // --- listings ------------------------------------------------------------------------

    @Override
    public List<Listed<InboxEntry>> inboxPage(int offset, int limit) {
        return listings.inboxPage(offset, limit);
    }

    @Override
    public List<Listed<OutboxEntry>> outboxPage(Party own, int offset, int limit) {
        return listings.outboxPage(own, offset, limit);
    }

    @Override
    public long pendingOutboxCount() {
        return listings.pendingOutboxCount();
    }

    @Override
    public List<InboxEntry> unacknowledgedReceived(
            Precedence precedence, Instant after, Instant upTo, Optional<InboxEntry> resumeAfter, int limit) {
        return listings.unacknowledgedReceived(precedence, after, upTo, resumeAfter, limit);
    }

    @Override
    public void forEachUnacknowledged(java.util.function.Consumer<InboxEntry> action) {
        listings.forEachUnacknowledged(action);
    }

    @Override
    public void forEachSigned(java.util.function.Consumer<SignedRow> action) {
        records.forEachSigned(action);
    }

    // --- acks, audit, ledger ------------------------------------------------------------

    @Override
    public StoredAck recordAck(Direction direction, SignedEnvelope ack) {
        return records.recordAck(direction, ack);
    }

    @Override
    public Optional<StoredAck> ack(Direction direction, Party sender, EnvelopeId id) {
        return records.ack(direction, sender, id);
    }

    @Override
    public AuditEvent audit(String actor, String action, String subject, String detail) {
        return records.audit(actor, action, subject, detail);
    }

    @Override
    public List<AuditEvent> auditLog(long afterSeq, int limit) {
        return records.auditLog(afterSeq, limit);
    }

    @Override
    public LeafStore leafStore() {
        return leaves;
    }

    @Override
    public TreeHeadStore treeHeadStore() {
        return heads;
    }

    @Override
    public javax.sql.DataSource sharedDataSource() {
        return shared;
    }

    /** For tests and tools in this package: work on a connection of the store's pool. */
    <T> T inTransaction(String what, Sql.Work<T> work) {
        return sql.tx(what, work);
    }

    @Override
    public String engine() {
        return engine.name();
    }

    @Override
    public void ping() {
        sql.read("answer a ping", connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return Boolean.TRUE;
        });
    }

    @Override
    public Store safetyLane() {
        return safetyLane;
    }

    @Override
    public void close() {
        upkeep.forEach(Upkeep::close);
        owned.forEach(HikariDataSource::close);
    }
}
