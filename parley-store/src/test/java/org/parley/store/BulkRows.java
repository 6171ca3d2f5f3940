package org.parley.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.parley.wire.Party;
import org.parley.wire.SignedEnvelope;

/**
 * Fills the tables with many rows in one statement each (a recursive CTE, which SQLite and
 * PostgreSQL both run), for the tests that need a year of traffic: signing 100,000 envelopes and
 * committing them one by one would take minutes. The rows are stand-ins: they share one envelope's
 * bytes and carry made-up version 7 ids; only their keys, times, categories and statuses matter to
 * the queries under test.
 */
final class BulkRows {
    private BulkRows() {}

    /** The id of stand-in row {@code i} (1-based): a valid lower-case UUIDv7 text. */
    static String id(String variant, long i) {
        return "00000000-0000-7000-" + variant + "-" + (100_000_000_000L + i);
    }

    private static String idSql(String variant) {
        return "'00000000-0000-7000-" + variant + "-' || CAST(100000000000 + i AS TEXT)";
    }

    private static final String COUNT_TO =
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) ";

    /**
     * {@code count} ROUTINE envelopes from {@code from}, received one millisecond apart from
     * {@code firstReceivedMicros} on, each already acknowledged by our duty officer.
     */
    static void acknowledgedInbox(
            Connection c, int count, Party from, long firstReceivedMicros, SignedEnvelope template)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO inbox (" + JdbcStore.INBOX_COLUMNS + ") " + COUNT_TO + "SELECT ?, " + idSql("8000")
                        + ", 3, 'ROUTINE', ? + i * 1000, ? + i * 1000, ?, ?, ? FROM n",
                count,
                from.name(),
                firstReceivedMicros,
                firstReceivedMicros,
                template.canonical().toByteArray(),
                template.signature().toBase64Url(),
                template.sha256Hex());
        Sql.update(
                c,
                "INSERT INTO acknowledgments (direction, party, envelope_id, ack_id, role, acknowledged_micros,"
                        + " canonical, signature) " + COUNT_TO
                        + "SELECT 'SENT', ?, " + idSql("8000") + ", " + idSql("9000")
                        + ", 'duty-officer', ? + i * 1000, ?, ? FROM n",
                count,
                from.name(),
                firstReceivedMicros + 60_000_000L,
                template.canonical().toByteArray(),
                template.signature().toBase64Url());
    }

    /** {@code count} delivered ROUTINE envelopes to {@code to}, created one millisecond apart. */
    static void deliveredOutbox(Connection c, int count, Party to, long firstCreatedMicros, SignedEnvelope template)
            throws SQLException {
        Sql.update(
                c,
                "INSERT INTO outbox (" + JdbcStore.OUTBOX_COLUMNS + ") " + COUNT_TO
                        + "SELECT " + idSql("a000") + ", ?, 3, 'ROUTINE', ? + i * 1000, ?, ?, 'DELIVERED', 1,"
                        + " ? + i * 1000, NULL, ? + i * 1000 FROM n",
                count,
                to.name(),
                firstCreatedMicros,
                template.canonical().toByteArray(),
                template.signature().toBase64Url(),
                firstCreatedMicros,
                firstCreatedMicros);
    }
}
