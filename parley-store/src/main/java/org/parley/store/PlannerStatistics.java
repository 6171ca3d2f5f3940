package org.parley.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Fresh planner statistics for a PostgreSQL store's tables (issue 20). The outbox and the receipts
 * change by tens of thousands of rows a minute in a bulk transfer, and the planner chooses its plans
 * from statistics that autovacuum refreshes at most once a minute ({@code autovacuum_naptime}; after
 * 50 rows plus 10 % of the table have changed: PostgreSQL docs, "The Autovacuum Daemon"). Until it
 * does, a table filled since its last ANALYZE looks nearly empty, and two of the node's queries were
 * then planned badly, each taking 30-135 ms of a server core instead of about one:
 * <ul>
 *   <li>the duplicate check of an inbound batch scanned every receipt of the peer and filtered it
 *       against the batch's 256 ids, instead of looking each id up in the primary key;
 *   <li>the due query read and sorted every pending outbox row for each batch of 256.
 * </ul>
 * That burnt the cores a FLASH needs and made the bulk rate depend on when autovacuum happened to
 * come (1,200-4,800 envelopes/s from one run to the next). This thread does what the docs advise
 * after a large change to a table ("Populating a Database", "Run ANALYZE Afterwards"): every {@link
 * #INTERVAL} it asks the server's activity statistics which of this schema's tables changed by more
 * than {@link #ROWS} rows plus {@link #FRACTION} of their size since their last ANALYZE, and analyzes
 * those. ANALYZE reads a sample of at most 30,000 rows and does not block writers (its lock conflicts
 * only with schema changes, VACUUM and another ANALYZE).
 */
final class PlannerStatistics {
    /** Between looks at the activity statistics (which the server updates about once a second). */
    static final Duration INTERVAL = Duration.ofSeconds(2);

    /** Changed rows that always call for an ANALYZE of a table, however small: autovacuum's 50 × 20. */
    static final long ROWS = 1_000;

    /** Changed share of a table's rows that calls for an ANALYZE: autovacuum's default, 10 %. */
    static final double FRACTION = 0.1;

    private PlannerStatistics() {}

    /**
     * Starts keeping the statistics of the tables in {@code sql}'s schema fresh. ANALYZE changes no
     * row of the node's, so each round runs as {@link Sql#read} does: in auto-commit, beside the
     * store's transactions.
     */
    static Upkeep start(Sql sql) {
        return Upkeep.start(
                "parley-store-statistics",
                INTERVAL,
                "planner statistics refresh",
                "queries may be slow until autovacuum analyzes the tables",
                () -> sql.read("refresh planner statistics", PlannerStatistics::analyzeStale));
    }

    /** Analyzes this schema's tables that changed enough since their last ANALYZE. */
    private static Boolean analyzeStale(Connection connection) throws SQLException {
        List<String> stale = Sql.query(
                connection,
                row -> row.getString(1),
                "SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema()"
                        + " AND n_mod_since_analyze > " + ROWS + " + " + FRACTION
                        + " * GREATEST(n_live_tup, 0) ORDER BY relname");
        try (Statement statement = connection.createStatement()) {
            for (String table : stale) {
                statement.execute("ANALYZE " + quoted(table));
            }
        }
        return Boolean.TRUE;
    }

    /** A table name as a quoted SQL identifier (the names come from the catalogue, quoted all the same). */
    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
