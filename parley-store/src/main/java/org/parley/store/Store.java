package org.parley.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.parley.crypto.VerifiedEnvelope;
import org.parley.ledger.LeafStore;
import org.parley.ledger.TreeHeadStore;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Precedence;
import org.parley.wire.SignedEnvelope;

/**
 * The node's durable state: outbox, inbox, receipts, acknowledgments, audit log and the ledger's
 * leaves, on SQLite (file, WAL, synchronous=FULL) or PostgreSQL with the same Flyway migrations
 * (docs/decisions.md, decision 7). Every method that returns has committed, durably, what it wrote.
 *
 * <p>Exactly-once (docs/decisions.md, decision 3) is built from two calls: the sender {@link #enqueue}s before
 * sending and {@link #markDelivered} when the signed receipt arrives; the receiver calls {@link
 * #receive}, which inserts the verified envelope and our signed receipt in one transaction, or
 * returns the original receipt for a duplicate.
 */
public interface Store extends AutoCloseable {

    /** SQLite file store; creates or migrates the schema. */
    static Store sqlite(Path file, InstantSource clock) {
        String location = file.toString();
        var pool = Engine.SQLITE.dataSource(location, "", "", "");
        return JdbcStore.open(pool, Engine.SQLITE.migrationDataSource(pool, location), Engine.SQLITE, "", clock);
    }

    /** PostgreSQL store in {@code schema} (created if missing); creates or migrates the schema. */
    static Store postgres(String jdbcUrl, String user, String password, String schema, InstantSource clock) {
        var pool = Engine.POSTGRES.dataSource(jdbcUrl, user, password, schema);
        return JdbcStore.open(pool, pool, Engine.POSTGRES, schema, clock);
    }

    // --- sender side ---------------------------------------------------------------------

    /**
     * Commits a signed envelope of ours to the outbox (status PENDING, due now) before it is sent.
     * Enqueuing the same id again returns the stored entry unchanged.
     */
    OutboxEntry enqueue(SignedEnvelope signed);

    /**
     * Enqueues several envelopes in one transaction (group commit: one fsync for the batch). Either
     * all are stored or none.
     */
    List<OutboxEntry> enqueueAll(List<SignedEnvelope> batch);

    /**
     * Pending entries whose next attempt is due, FLASH first, then oldest first (docs/decisions.md, decision 4).
     */
    List<OutboxEntry> due(int limit);

    /**
     * The FLASH entries of {@link #due}, oldest first: what the safety lane's delivery loop takes
     * (issue 20), without reading the bulk entries behind them.
     */
    List<OutboxEntry> dueFlash(int limit);

    /**
     * Makes every pending entry that waits for a later attempt due now, in one transaction; returns
     * how many. For when the peer is seen to be back (issue 20): what waited out its backoff goes
     * at once rather than at its retry time.
     */
    int retryPendingNow();

    /** Records a failed attempt: attempts + 1, the error, and when to try again. */
    OutboxEntry recordFailedAttempt(EnvelopeId id, Instant nextAttempt, String error);

    /**
     * Stores the peer's verified receipt for one of our envelopes and marks it DELIVERED, in one
     * transaction. Refuses a receipt that does not name the envelope or quotes another hash.
     */
    OutboxEntry markDelivered(EnvelopeId id, VerifiedEnvelope receipt);

    /**
     * {@link #markDelivered} for a batch of receipts in one transaction (group commit: one fsync for
     * the batch). Either all are marked or none: one receipt refused refuses the batch. Entries are
     * returned in the order given.
     */
    List<OutboxEntry> markAllDelivered(List<Delivery> deliveries);

    /** A verified receipt from the peer for our envelope {@code id}. */
    record Delivery(EnvelopeId id, VerifiedEnvelope receipt) {}

    Optional<OutboxEntry> outboxEntry(EnvelopeId id);

    /** Outbox entries, delivered or not, oldest first, after the given position. */
    List<OutboxEntry> outbox(int offset, int limit);

    // --- receiver side -------------------------------------------------------------------

    /**
     * Inserts a verified envelope into the inbox unless (sender, id) is there already, and stores the
     * receipt made by {@code receipts} for the new row, in one transaction. For a duplicate, returns
     * the original row and receipt and does not call {@code receipts}.
     */
    Received receive(VerifiedEnvelope envelope, ReceiptMaker receipts);

    /**
     * {@link #receive} for a batch in one transaction (group commit: one fsync for the batch). The
     * envelopes not seen before are inserted, then {@code receipts} is called once with their rows
     * (in batch order) and its receipts are stored, all before the commit, so a receipt never leaves
     * for an envelope that is not durably stored. Duplicates, of earlier batches or earlier in this
     * one, get the original row and receipt. Results are in batch order; either all are stored or
     * none.
     */
    List<Received> receiveAll(List<VerifiedEnvelope> batch, BatchReceiptMaker receipts);

    /**
     * {@link #receiveAll(List, BatchReceiptMaker)} with the rows dated {@code receivedAt} (to the
     * microsecond), chosen by the caller so it can sign the receipts, which quote that instant,
     * before the transaction and keep the single SQLite writer's transactions short (issue 20).
     */
    List<Received> receiveAll(List<VerifiedEnvelope> batch, Instant receivedAt, BatchReceiptMaker receipts);

    /**
     * This store for the safety lane (issue 20): the same database, but its transactions do not queue
     * behind bulk work. On SQLite, whose one connection serves every transaction in turn, a
     * transaction of the safety lane is the next to get it; on PostgreSQL the safety lane has
     * connections of its own. Closing the view closes nothing: close the store.
     */
    Store safetyLane();

    Optional<InboxEntry> inboxEntry(Party from, EnvelopeId id);

    /**
     * Received envelopes whose follow-up (what the node does after the inbox commit) is not done
     * yet, oldest first: {@link #receive} and {@link #receiveAll} mark each new envelope pending in
     * the same transaction (issue 19, item 3).
     */
    List<InboxEntry> pendingFollowUps(int limit);

    /** The node has done the follow-up of these received envelopes (one transaction). */
    void followUpsDone(Party from, List<EnvelopeId> ids);

    /** Inbox entries in the order they were received, after the given position. */
    List<InboxEntry> inbox(int offset, int limit);

    /** The signed receipt for an envelope, by direction. */
    Optional<SignedEnvelope> receipt(Direction direction, Party sender, EnvelopeId id);

    /**
     * The signed receipts kept for those of {@code ids} that have one, by direction, in one query
     * per few hundred ids: how the receiver finds the duplicates in a batch before anything else is
     * done with it (issue 19, item 13).
     */
    java.util.Map<EnvelopeId, SignedEnvelope> receipts(Direction direction, Party sender, List<EnvelopeId> ids);

    /** Makes our signed receipt for a freshly stored inbox row (inside the inbox transaction). */
    @FunctionalInterface
    interface ReceiptMaker {
        SignedEnvelope receiptFor(InboxEntry stored);
    }

    /** Makes our signed receipts for freshly stored inbox rows (inside the inbox transaction). */
    @FunctionalInterface
    interface BatchReceiptMaker {
        /** One receipt per row, in the order of {@code stored}. */
        List<SignedEnvelope> receiptsFor(List<InboxEntry> stored);
    }

    // --- listings: pages read newest first, acknowledgments joined in the same query -----

    /**
     * The categories people acknowledge: the only ones listings show and the re-watch reads. Link
     * tests, receipts and acks are the nodes' own traffic. The listing indexes of migration V3 name
     * the same set.
     */
    Set<Category> ACKNOWLEDGEABLE = Set.of(Category.SAFETY, Category.DIALOGUE, Category.NOTICE, Category.ROUTINE);

    /**
     * A page of received envelopes of the {@link #ACKNOWLEDGEABLE} categories, newest received
     * first, each with our acknowledgment ({@link Direction#SENT}) if one is stored. Ties in the
     * receive time are broken by sender and id, so consecutive pages neither overlap nor skip. An
     * {@code offset} past the end gives an empty page.
     */
    List<Listed<InboxEntry>> inboxPage(int offset, int limit);

    /**
     * A page of our envelopes of the {@link #ACKNOWLEDGEABLE} categories, newest created first (ties
     * by id), each with the peer's acknowledgment ({@link Direction#RECEIVED}) if one is stored.
     * {@code own} is the party we send as: the peer's acks of our envelopes are stored under it.
     */
    List<Listed<OutboxEntry>> outboxPage(Party own, int offset, int limit);

    /** How many outbox entries still wait for the peer's receipt; counted on an index, for /metrics. */
    long pendingOutboxCount();

    /**
     * Up to {@code limit} received envelopes of the {@link #ACKNOWLEDGEABLE} categories and of
     * {@code precedence} that we have not acknowledged, received after {@code after} and no later than
     * {@code upTo}, oldest received first (ties by sender and id); with {@code resumeAfter}, the page
     * after that entry (the last of the previous page). The acknowledgment watch's query: one index
     * range per call, so a flood of unacknowledged messages is read a page at a time (issue 19, item 4).
     */
    List<InboxEntry> unacknowledgedReceived(
            Precedence precedence, Instant after, Instant upTo, Optional<InboxEntry> resumeAfter, int limit);

    /**
     * Hands {@code action} every received envelope of the {@link #ACKNOWLEDGEABLE} categories that we
     * have not acknowledged, oldest received first: all of them, from one query whose rows are
     * streamed rather than held in memory (what a restart watches again). The action runs while the
     * query is open and must not call this store: on SQLite the store has a single connection.
     */
    void forEachUnacknowledged(Consumer<InboxEntry> action);

    /**
     * Hands {@code action} every signed envelope the store keeps (outbox, inbox, receipts both ways,
     * acknowledgments both ways), as stored, table by table in key order. For the record audit. Rows
     * are read a page per short transaction, so the scan of a large store does not hold up the node;
     * the action runs between transactions and may call this store.
     */
    void forEachSigned(Consumer<SignedRow> action);

    // --- acknowledgments and audit ------------------------------------------------------

    /**
     * Stores a signed ack: SENT ones are ours (signed by us), RECEIVED ones come verified from the
     * peer. Storing the same ack twice keeps the first.
     */
    StoredAck recordAck(Direction direction, SignedEnvelope ack);

    /** The ack for an envelope sent by {@code sender}, if any. */
    Optional<StoredAck> ack(Direction direction, Party sender, EnvelopeId id);

    /** Appends to the audit log. */
    AuditEvent audit(String actor, String action, String subject, String detail);

    /** Audit events with sequence number greater than {@code afterSeq}, oldest first. */
    List<AuditEvent> auditLog(long afterSeq, int limit);

    // --- ledger --------------------------------------------------------------------------

    /** parley-ledger's durable leaf-hash storage in this database. */
    LeafStore leafStore();

    /** parley-ledger's durable tree heads (own, own countersigned, peer) in this database. */
    TreeHeadStore treeHeadStore();

    /**
     * The same database for modules that keep their own tables beside the store's, with their own
     * migrations (parley-dialogue's requests and channel notices). On SQLite these are separate
     * connections to the same file in the default transaction mode, so Flyway can lock and read its
     * history table at once; on PostgreSQL the store's pool, in the store's schema. Commit what you
     * write.
     */
    javax.sql.DataSource sharedDataSource();

    /** Which engine this is, for logs and health. */
    String engine();

    /**
     * One round trip to the database ({@code SELECT 1}), on PostgreSQL on the pool the store's writes
     * use (on SQLite on a reader, so it never waits for the writer's turn): the
     * node's probe of whether the store can be reached (issue 20). Throws a {@link StoreException}
     * for which {@link StoreException#storeUnreachable} holds when it cannot, after at most the
     * pool's connection wait ({@link Engine#CONNECTION_WAIT} on PostgreSQL).
     */
    void ping();

    @Override
    void close();
}
