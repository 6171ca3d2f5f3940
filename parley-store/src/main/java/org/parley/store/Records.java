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

    private static final int SIGNED_FETCH_ROWS = 256;

    /** See {@link Store#forEachSigned}: one transaction, so the tables are read as of one moment. */
    void forEachSigned(java.util.function.Consumer<SignedRow> action) {
        sql.tx("read every stored signed envelope", c -> {
            Sql.forEach(
                    c,
                    SIGNED_FETCH_ROWS,
                    row -> action.accept(new SignedRow(
                            SignedRow.Table.OUTBOX,
                            "outbox row envelope_id=" + row.getString("envelope_id"),
                            JdbcStore.signed(row, "canonical", "signature"))),
                    "SELECT envelope_id, canonical, signature FROM outbox ORDER BY created_micros, envelope_id");
            Sql.forEach(
                    c,
                    SIGNED_FETCH_ROWS,
                    row -> action.accept(new SignedRow(
                            SignedRow.Table.INBOX,
                            "inbox row from_party=" + row.getString("from_party") + " envelope_id="
                                    + row.getString("envelope_id"),
                            JdbcStore.signed(row, "canonical", "signature"))),
                    "SELECT from_party, envelope_id, canonical, signature FROM inbox"
                            + " ORDER BY received_micros, from_party, envelope_id");
            Sql.forEach(
                    c,
                    SIGNED_FETCH_ROWS,
                    row -> action.accept(new SignedRow(
                            Direction.valueOf(row.getString("direction")) == Direction.RECEIVED
                                    ? SignedRow.Table.RECEIPT_RECEIVED
                                    : SignedRow.Table.RECEIPT_ISSUED,
                            "receipts row direction=" + row.getString("direction") + " party=" + row.getString("party")
                                    + " envelope_id=" + row.getString("envelope_id"),
                            JdbcStore.signed(row, "canonical", "signature"))),
                    "SELECT direction, party, envelope_id, canonical, signature FROM receipts"
                            + " ORDER BY stored_micros, direction, party, envelope_id");
            Sql.forEach(
                    c,
                    SIGNED_FETCH_ROWS,
                    row -> action.accept(new SignedRow(
                            Direction.valueOf(row.getString("direction")) == Direction.RECEIVED
                                    ? SignedRow.Table.ACK_RECEIVED
                                    : SignedRow.Table.ACK_SENT,
                            "acknowledgments row direction=" + row.getString("direction") + " party="
                                    + row.getString("party") + " envelope_id=" + row.getString("envelope_id"),
                            JdbcStore.signed(row, "canonical", "signature"))),
                    "SELECT direction, party, envelope_id, canonical, signature FROM acknowledgments"
                            + " ORDER BY acknowledged_micros, direction, party, envelope_id");
            return Boolean.TRUE;
        });
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
