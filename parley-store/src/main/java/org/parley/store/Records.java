package org.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.parley.wire.Envelope;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload;
import org.parley.wire.SignedEnvelope;

/** Receipts, acknowledgments and the audit log. */
final class Records {
    private final Sql sql;
    private final InstantSource clock;

    Records(Sql sql, InstantSource clock) {
        this.sql = sql;
        this.clock = clock;
    }

    static final String INSERT_RECEIPT =
            "INSERT INTO receipts (direction, party, envelope_id, receipt_id, stored_micros, canonical, signature)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (direction, party, envelope_id) DO NOTHING";

    /** The values of {@link #INSERT_RECEIPT} for a receipt of envelope {@code id}; refuses anything else. */
    static Object[] receiptRow(
            Direction direction, Party sender, EnvelopeId id, SignedEnvelope receipt, Envelope parsed) {
        if (!(parsed.payload() instanceof Payload.Receipt body)
                || !body.envelopeId().equals(id)) {
            throw new StoreException("envelope " + parsed.id() + " is not a receipt for " + id);
        }
        return new Object[] {
            direction.name(),
            sender.name(),
            id.toString(),
            parsed.id().toString(),
            Sql.micros(body.storedAt()),
            receipt.canonical().toByteArray(),
            receipt.signature().toBase64Url()
        };
    }

    static Optional<SignedEnvelope> receipt(Connection c, Direction direction, Party sender, EnvelopeId id)
            throws SQLException {
        return Sql.queryOne(
                c,
                JdbcStore::signed,
                "SELECT canonical, signature FROM receipts WHERE direction = ? AND party = ? AND envelope_id = ?",
                direction.name(),
                sender.name(),
                id.toString());
    }

    /** Adds the receipts of {@code ids} (at most a few hundred) that exist to {@code found}, in one query. */
    static void receipts(
            Connection c,
            Direction direction,
            Party sender,
            List<EnvelopeId> ids,
            java.util.Map<EnvelopeId, SignedEnvelope> found)
            throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        List<Object> values = new java.util.ArrayList<>(ids.size() + 2);
        values.add(direction.name());
        values.add(sender.name());
        ids.forEach(id -> values.add(id.toString()));
        for (var row : Sql.query(
                c,
                r -> java.util.Map.entry(EnvelopeId.parse(r.getString("envelope_id")), JdbcStore.signed(r)),
                "SELECT envelope_id, canonical, signature FROM receipts WHERE direction = ? AND party = ?"
                        + " AND envelope_id IN (" + marks + ")",
                values.toArray())) {
            found.put(row.getKey(), row.getValue());
        }
    }

    /** Rows read per transaction by {@link #forEachSigned}. */
    private static final int SIGNED_PAGE_ROWS = 256;

    /** One table's signed rows, read in primary-key order a page at a time. */
    private record SignedTable(String select, String key, int keyColumns) {}

    private static final List<SignedTable> SIGNED_TABLES = List.of(
            new SignedTable("SELECT 'OUTBOX', envelope_id, '', '', canonical, signature FROM outbox", "envelope_id", 1),
            new SignedTable(
                    "SELECT 'INBOX', from_party, envelope_id, '', canonical, signature FROM inbox",
                    "from_party, envelope_id",
                    2),
            new SignedTable(
                    "SELECT 'RECEIPT', direction, party, envelope_id, canonical, signature FROM receipts",
                    "direction, party, envelope_id",
                    3),
            new SignedTable(
                    "SELECT 'ACK', direction, party, envelope_id, canonical, signature FROM acknowledgments",
                    "direction, party, envelope_id",
                    3));

    /**
     * See {@link Store#forEachSigned}. Each page is its own short transaction, and {@code action}
     * runs after it: on SQLite the store has one connection, and a scan of a large store held in one
     * transaction would stop the node (keyset paging on the primary key, so no row is skipped or
     * read twice while rows are added).
     */
    void forEachSigned(java.util.function.Consumer<SignedRow> action) {
        for (SignedTable table : SIGNED_TABLES) {
            List<String> after = List.of();
            while (true) {
                List<Paged> page = signedPage(table, after);
                page.forEach(p -> action.accept(p.row()));
                if (page.size() < SIGNED_PAGE_ROWS) {
                    break;
                }
                after = page.get(page.size() - 1).key().subList(0, table.keyColumns());
            }
        }
    }

    /** A row of a page and its key values, where the next page starts. */
    private record Paged(SignedRow row, List<String> key) {}

    /** Up to a page of rows after {@code after} (key values; empty: from the start). */
    private List<Paged> signedPage(SignedTable table, List<String> after) {
        String where = after.isEmpty()
                ? ""
                : " WHERE (" + table.key() + ") > ("
                        + String.join(", ", java.util.Collections.nCopies(after.size(), "?")) + ")";
        String query = table.select() + where + " ORDER BY " + table.key() + " LIMIT " + SIGNED_PAGE_ROWS;
        return sql.tx(
                "read stored signed envelopes",
                c -> Sql.query(
                        c,
                        row -> new Paged(
                                signedRow(
                                        row.getString(1),
                                        row.getString(2),
                                        row.getString(3),
                                        row.getString(4),
                                        JdbcStore.signed(row, "canonical", "signature")),
                                List.of(row.getString(2), row.getString(3), row.getString(4))),
                        query,
                        after.toArray()));
    }

    private static SignedRow signedRow(String kind, String first, String second, String third, SignedEnvelope signed) {
        boolean received = "RECEIVED".equals(first);
        return switch (kind) {
            case "OUTBOX" -> new SignedRow(SignedRow.Table.OUTBOX, "outbox row envelope_id=" + first, signed);
            case "INBOX" ->
                new SignedRow(
                        SignedRow.Table.INBOX, "inbox row from_party=" + first + " envelope_id=" + second, signed);
            case "RECEIPT" ->
                new SignedRow(
                        received ? SignedRow.Table.RECEIPT_RECEIVED : SignedRow.Table.RECEIPT_ISSUED,
                        "receipts row direction=" + first + " party=" + second + " envelope_id=" + third,
                        signed);
            default ->
                new SignedRow(
                        received ? SignedRow.Table.ACK_RECEIVED : SignedRow.Table.ACK_SENT,
                        "acknowledgments row direction=" + first + " party=" + second + " envelope_id=" + third,
                        signed);
        };
    }

    StoredAck recordAck(Direction direction, SignedEnvelope ack) {
        Envelope envelope = JdbcStore.parse(ack);
        if (!(envelope.payload() instanceof Payload.Ack body)) {
            throw new StoreException(
                    "envelope " + envelope.id() + " is a " + envelope.payload().type() + ", not an ack");
        }
        // The acknowledged envelope was sent by the party this ack goes to.
        Party sender = envelope.to();
        return sql.tx("record ack " + envelope.id(), c -> {
            Sql.update(
                    c,
                    "INSERT INTO acknowledgments (direction, party, envelope_id, ack_id, role, acknowledged_micros,"
                            + " canonical, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (direction, party, envelope_id) DO NOTHING",
                    direction.name(),
                    sender.name(),
                    body.envelopeId().toString(),
                    envelope.id().toString(),
                    body.role(),
                    Sql.micros(body.acknowledgedAt()),
                    ack.canonical().toByteArray(),
                    ack.signature().toBase64Url());
            return ack(c, direction, sender, body.envelopeId()).orElseThrow();
        });
    }

    Optional<StoredAck> ack(Direction direction, Party sender, EnvelopeId id) {
        return sql.tx("read ack for " + id, c -> ack(c, direction, sender, id));
    }

    private static Optional<StoredAck> ack(Connection c, Direction direction, Party sender, EnvelopeId id)
            throws SQLException {
        return Sql.queryOne(
                c,
                row -> new StoredAck(
                        Direction.valueOf(row.getString("direction")),
                        new Party(row.getString("party")),
                        EnvelopeId.parse(row.getString("envelope_id")),
                        row.getString("role"),
                        Sql.instant(row.getLong("acknowledged_micros")),
                        JdbcStore.signed(row)),
                "SELECT direction, party, envelope_id, role, acknowledged_micros, canonical, signature"
                        + " FROM acknowledgments WHERE direction = ? AND party = ? AND envelope_id = ?",
                direction.name(),
                sender.name(),
                id.toString());
    }

    AuditEvent audit(String actor, String action, String subject, String detail) {
        long at = Sql.micros(clock.instant());
        return sql.tx("append to the audit log", c -> {
            try (PreparedStatement statement = Sql.bind(
                            c,
                            "INSERT INTO audit_log (at_micros, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)"
                                    + " RETURNING seq",
                            at,
                            actor,
                            action,
                            subject,
                            detail);
                    ResultSet keys = statement.executeQuery()) {
                keys.next();
                return new AuditEvent(keys.getLong(1), Sql.instant(at), actor, action, subject, detail);
            }
        });
    }

    List<AuditEvent> auditLog(long afterSeq, int limit) {
        return sql.tx(
                "read the audit log",
                c -> Sql.query(
                        c,
                        row -> new AuditEvent(
                                row.getLong("seq"),
                                Sql.instant(row.getLong("at_micros")),
                                row.getString("actor"),
                                row.getString("action"),
                                row.getString("subject"),
                                row.getString("detail")),
                        "SELECT seq, at_micros, actor, action, subject, detail FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
                        afterSeq,
                        limit));
    }
}
