package org.parley.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A year of hotline traffic written straight into a Parley store's tables, for the tests of issue
 * 16 that need more rows than the 100,000 the node's listings once read. One INSERT per table
 * generates the rows with a recursive CTE, which SQLite and PostgreSQL both run: signing and
 * committing 100,000 envelopes one by one would take minutes.
 *
 * <p>The rows are stand-ins. They share one envelope's bytes and signature (the caller's
 * template) and carry made-up UUIDv7 ids ({@link #envelopeId}); only their keys, times,
 * categories and statuses mean anything, which is all the listing queries read. Row {@code i}
 * (1 to {@code count}) is {@code i} milliseconds after {@code firstMicros}, so row {@code count}
 * is the newest. The caller commits.
 */
public final class YearOfTraffic {
    /** One more than the 100,000-row window the listings used to read. */
    public static final int MESSAGES = 100_001;

    private static final String COUNT_TO =
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) ";

    private YearOfTraffic() {}

    /** The id of stand-in row {@code i} in the id family {@code variant} (4 digits, 8000 to b000). */
    public static String envelopeId(String variant, long i) {
        return "00000000-0000-7000-" + variant + "-" + (100_000_000_000L + i);
    }

    private static String idSql(String variant) {
        return "'00000000-0000-7000-" + variant + "-' || CAST(100000000000 + i AS TEXT)";
    }

    /**
     * {@code count} ROUTINE envelopes from {@code fromParty} in the inbox (ids of family 8000), each
     * acknowledged by our duty officer one minute after it arrived.
     */
    public static void acknowledgedInbox(
            Connection c,
            int count,
            String fromParty,
            long firstMicros,
            byte[] canonical,
            String signature,
            String sha256Hex)
            throws SQLException {
        update(
                c,
                "INSERT INTO inbox (from_party, envelope_id, precedence_rank, category, created_micros,"
                        + " received_micros, canonical, signature, sha256) " + COUNT_TO
                        + "SELECT ?, " + idSql("8000") + ", 3, 'ROUTINE', ? + i * 1000, ? + i * 1000, ?, ?, ? FROM n",
                count,
                fromParty,
                firstMicros,
                firstMicros,
                canonical,
                signature,
                sha256Hex);
        update(
                c,
                "INSERT INTO acknowledgments (direction, party, envelope_id, ack_id, role, acknowledged_micros,"
                        + " canonical, signature) " + COUNT_TO
                        + "SELECT 'SENT', ?, " + idSql("8000") + ", " + idSql("9000")
                        + ", 'duty-officer', ? + i * 1000, ?, ? FROM n",
                count,
                fromParty,
                firstMicros + 60_000_000L,
                canonical,
                signature);
    }

    /** {@code count} ROUTINE envelopes of ours to {@code toParty}, delivered (ids of family a000). */
    public static void deliveredOutbox(
            Connection c, int count, String toParty, long firstMicros, byte[] canonical, String signature)
            throws SQLException {
        update(
                c,
                "INSERT INTO outbox (envelope_id, to_party, precedence_rank, category, created_micros, canonical,"
                        + " signature, status, attempts, next_attempt_micros, last_error, delivered_micros) "
                        + COUNT_TO + "SELECT " + idSql("a000")
                        + ", ?, 3, 'ROUTINE', ? + i * 1000, ?, ?, 'DELIVERED', 1, ? + i * 1000, NULL, ? + i * 1000 FROM n",
                count,
                toParty,
                firstMicros,
                canonical,
                signature,
                firstMicros,
                firstMicros);
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                switch (values[i]) {
                    case Integer number -> statement.setInt(i + 1, number);
                    case Long number -> statement.setLong(i + 1, number);
                    case byte[] bytes -> statement.setBytes(i + 1, bytes);
                    default -> statement.setString(i + 1, values[i].toString());
                }
            }
            statement.executeUpdate();
        }
    }
}
