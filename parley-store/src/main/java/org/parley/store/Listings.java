package org.parley.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Precedence;

/**
 * The listing queries (issue 16): pages newest first with the acknowledgment joined, the pending
 * count for /metrics, and the restart re-watch. Each is one statement on indexes, and none asks the
 * database again per row. A page walks the listing index only as far as OFFSET + LIMIT; the
 * re-watch walks it whole (every acknowledgeable row, probing acknowledgments' primary key), once
 * per start: about 0.3 s per 100,000 received messages on either engine.
 */
final class Listings {
    /**
     * {@link Store#ACKNOWLEDGEABLE} as SQL, written exactly as the V3 partial indexes' predicate:
     * both engines match a partial index by the predicate's text, never through a bound parameter.
     */
    static final String ACKNOWLEDGEABLE_SQL = "('SAFETY', 'DIALOGUE', 'NOTICE', 'ROUTINE')";

    /** Rows fetched per round trip while streaming (PostgreSQL otherwise reads the whole result). */
    private static final int STREAM_FETCH_ROWS = 500;

    private static final String ACK_COLUMNS = "a.role AS ack_role, a.acknowledged_micros AS ack_micros,"
            + " a.canonical AS ack_canonical, a.signature AS ack_signature";

    /*
     * The page queries find the page's keys first, from the listing index alone, and only then read
     * those rows and join their acks: with OFFSET n a plain join would fetch and join n rows to throw
     * them away (measured on the 100,001-row test: 2 s on PostgreSQL for the last page, now ms).
     */
    static final String INBOX_PAGE = "SELECT " + prefixed("i", JdbcStore.INBOX_COLUMNS) + ", " + ACK_COLUMNS
            + " FROM (SELECT k.received_micros, k.from_party, k.envelope_id FROM inbox k"
            + " WHERE k.category IN " + ACKNOWLEDGEABLE_SQL
            + " ORDER BY k.received_micros DESC, k.from_party DESC, k.envelope_id DESC LIMIT ? OFFSET ?) page"
            + " JOIN inbox i ON i.from_party = page.from_party AND i.envelope_id = page.envelope_id"
            + " LEFT JOIN acknowledgments a"
            + " ON a.direction = 'SENT' AND a.party = i.from_party AND a.envelope_id = i.envelope_id"
            + " ORDER BY page.received_micros DESC, page.from_party DESC, page.envelope_id DESC";

    static final String OUTBOX_PAGE = "SELECT " + prefixed("o", JdbcStore.OUTBOX_COLUMNS) + ", " + ACK_COLUMNS
            + " FROM (SELECT k.created_micros, k.envelope_id FROM outbox k"
            + " WHERE k.category IN " + ACKNOWLEDGEABLE_SQL
            + " ORDER BY k.created_micros DESC, k.envelope_id DESC LIMIT ? OFFSET ?) page"
            + " JOIN outbox o ON o.envelope_id = page.envelope_id"
            + " LEFT JOIN acknowledgments a"
            + " ON a.direction = 'RECEIVED' AND a.party = ? AND a.envelope_id = o.envelope_id"
            + " ORDER BY page.created_micros DESC, page.envelope_id DESC";

    static final String UNACKNOWLEDGED = "SELECT " + prefixed("i", JdbcStore.INBOX_COLUMNS)
            + " FROM inbox i WHERE i.category IN " + ACKNOWLEDGEABLE_SQL
            + " AND NOT EXISTS (SELECT 1 FROM acknowledgments a"
            + " WHERE a.direction = 'SENT' AND a.party = i.from_party AND a.envelope_id = i.envelope_id)"
            + " ORDER BY i.received_micros, i.from_party, i.envelope_id";

    /*
     * The acknowledgment watch's question (issue 19, item 4): one precedence, a window of receive
     * times, oldest first, in pages on the listing index; the next page resumes after the last row.
     */
    private static final String UNACKNOWLEDGED_WINDOW = "SELECT " + prefixed("i", JdbcStore.INBOX_COLUMNS)
            + " FROM inbox i WHERE i.category IN " + ACKNOWLEDGEABLE_SQL
            + " AND i.precedence_rank = ? AND i.received_micros <= ? AND %s"
            + " AND NOT EXISTS (SELECT 1 FROM acknowledgments a"
            + " WHERE a.direction = 'SENT' AND a.party = i.from_party AND a.envelope_id = i.envelope_id)"
            + " ORDER BY i.received_micros, i.from_party, i.envelope_id LIMIT ?";

    static final String UNACKNOWLEDGED_FIRST = UNACKNOWLEDGED_WINDOW.formatted("i.received_micros > ?");

    static final String UNACKNOWLEDGED_NEXT = UNACKNOWLEDGED_WINDOW.formatted("i.received_micros >= ?"
            + " AND (i.received_micros > ? OR (i.received_micros = ? AND (i.from_party > ?"
            + " OR (i.from_party = ? AND i.envelope_id > ?))))");

    static final String PENDING_COUNT = "SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'";

    private final Sql sql;

    Listings(Sql sql) {
        this.sql = sql;
    }

    List<Listed<InboxEntry>> inboxPage(int offset, int limit) {
        checkPage(offset, limit);
        return sql.tx(
                "list inbox page at " + offset,
                c -> Sql.query(
                        c,
                        row -> {
                            InboxEntry entry = JdbcStore.inboxRow(row);
                            return new Listed<>(entry, ack(row, Direction.SENT, entry.from(), entry.id()));
                        },
                        INBOX_PAGE,
                        limit,
                        offset));
    }

    List<Listed<OutboxEntry>> outboxPage(Party own, int offset, int limit) {
        checkPage(offset, limit);
        return sql.tx(
                "list outbox page at " + offset,
                c -> Sql.query(
                        c,
                        row -> {
                            OutboxEntry entry = JdbcStore.outboxRow(row);
                            return new Listed<>(entry, ack(row, Direction.RECEIVED, own, entry.id()));
                        },
                        OUTBOX_PAGE,
                        limit,
                        offset,
                        own.name()));
    }

    long pendingOutboxCount() {
        return sql.tx(
                "count the pending outbox",
                c -> Sql.queryOne(c, row -> row.getLong(1), PENDING_COUNT).orElseThrow());
    }

    void forEachUnacknowledged(Consumer<InboxEntry> action) {
        sql.tx(
                "read unacknowledged inbox entries",
                c -> Sql.forEach(c, STREAM_FETCH_ROWS, row -> action.accept(JdbcStore.inboxRow(row)), UNACKNOWLEDGED));
    }

    List<InboxEntry> unacknowledgedReceived(
            Precedence precedence, Instant after, Instant upTo, Optional<InboxEntry> resumeAfter, int limit) {
        checkPage(0, limit);
        return sql.tx(
                "read unacknowledged " + precedence + " received until " + upTo,
                c -> resumeAfter.isEmpty()
                        ? Sql.query(
                                c,
                                JdbcStore::inboxRow,
                                UNACKNOWLEDGED_FIRST,
                                precedence.rank(),
                                Sql.micros(upTo),
                                Sql.micros(after),
                                limit)
                        : Sql.query(
                                c,
                                JdbcStore::inboxRow,
                                UNACKNOWLEDGED_NEXT,
                                precedence.rank(),
                                Sql.micros(upTo),
                                Sql.micros(resumeAfter.get().received()),
                                Sql.micros(resumeAfter.get().received()),
                                Sql.micros(resumeAfter.get().received()),
                                resumeAfter.get().from().name(),
                                resumeAfter.get().from().name(),
                                resumeAfter.get().id().toString(),
                                limit));
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0: " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
    }

    /** The joined ack columns of {@code row}; all NULL when nobody has acknowledged. */
    private static Optional<StoredAck> ack(ResultSet row, Direction direction, Party sender, EnvelopeId id)
            throws SQLException {
        String role = row.getString("ack_role");
        if (role == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredAck(
                direction,
                sender,
                id,
                role,
                Sql.instant(row.getLong("ack_micros")),
                JdbcStore.signed(row, "ack_canonical", "ack_signature")));
    }

    /** "a, b" with prefix p: "p.a, p.b". */
    private static String prefixed(String prefix, String columns) {
        return Arrays.stream(columns.split(","))
                .map(column -> prefix + "." + column.strip())
                .collect(Collectors.joining(", "));
    }
}
