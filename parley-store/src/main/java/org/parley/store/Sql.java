package org.parley.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Transactions and value conversions shared by the JDBC classes. */
final class Sql {
    private final HikariDataSource dataSource;
    private final Turns turns;
    private final boolean safety;

    /** Connections for {@link #read}, beside the writer's; none: reads are transactions like any other. */
    private final @Nullable HikariDataSource readers;

    /**
     * Transactions on {@code dataSource}, taking {@code turns} at it; {@code safety} for the safety
     * lane's transactions, which go first (issue 20).
     */
    Sql(HikariDataSource dataSource, Turns turns, boolean safety) {
        this(dataSource, turns, safety, null);
    }

    /** As above, with {@code readers} for {@link #read} (SQLite's WAL readers, see {@link Engine#readers}). */
    Sql(HikariDataSource dataSource, Turns turns, boolean safety, @Nullable HikariDataSource readers) {
        this.dataSource = dataSource;
        this.turns = turns;
        this.safety = safety;
        this.readers = readers;
    }

    /**
     * Runs {@code work}, which only reads, on a reader connection when there are any: in SQLite's
     * WAL mode a reader sees the last commit and neither waits for the writer nor holds it up
     * (sqlite.org/wal.html, "Concurrency"), so a FLASH's reads (the due query, the duplicate check)
     * take no turn behind a bulk batch's transaction, and the bulk lane's reads no longer hold the
     * writer from a FLASH (issue 20). Each statement is its own read transaction (auto-commit). With
     * no readers (PostgreSQL, where transactions run side by side) the read runs on this pool's
     * connection, also in auto-commit: one round trip to the server instead of two (the statement,
     * then its COMMIT), each of which waits for a server process to get a core while a bulk transfer
     * keeps them busy (issue 20). At PostgreSQL's READ COMMITTED each statement sees the last commit
     * either way.
     */
    <T> T read(String what, Work<T> work) {
        HikariDataSource pool = readers;
        try (Connection connection = pool == null ? dataSource.getConnection() : pool.getConnection()) {
            if (pool != null) {
                return work.run(connection);
            }
            connection.setAutoCommit(true);
            try {
                return work.run(connection);
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw new StoreException("store: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** Work inside one transaction on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in a transaction and commits; rolls back and wraps on any failure. */
    <T> T tx(String what, Work<T> work) {
        boolean turn = turns.enter(safety);
        try {
            return inTurn(what, work);
        } finally {
            if (turn) {
                turns.leave();
            }
        }
    }

    private <T> T inTurn(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("store: cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rolls back after {@code cause}. SQLite rolls a transaction back by itself on some errors
     * (SQLITE_FULL among them; sqlite.org/lang_transaction.html, "Response To Errors Within A
     * Transaction") and then refuses a second rollback: that refusal must neither hide the first
     * error (which says the disk is full) nor leave the connection in the pool, where every later
     * transaction on it failed the same way until the node restarted (issue 20, disk-full fault).
     */
    private void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException refused) {
            cause.addSuppressed(refused);
            dataSource.evictConnection(connection);
        }
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    static PreparedStatement bind(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        set(statement, values);
        return statement;
    }

    private static void set(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value instanceof byte[] bytes) {
                statement.setBytes(i + 1, bytes);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
    }

    static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = bind(connection, sql, values)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Runs one statement for each row of values as a JDBC batch (one round trip on PostgreSQL);
     * returns the update count of each, in order.
     */
    static int[] batch(Connection connection, String sql, java.util.List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] values : rows) {
                set(statement, values);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /** Maps one row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    static <T> java.util.List<T> query(Connection connection, Row<T> mapper, String sql, Object... values)
            throws SQLException {
        try (PreparedStatement statement = bind(connection, sql, values);
                ResultSet rows = statement.executeQuery()) {
            java.util.List<T> result = new java.util.ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    /** Something done with each row of a streamed result. */
    @FunctionalInterface
    interface RowAction {
        void accept(ResultSet row) throws SQLException;
    }

    /**
     * Runs a query and hands each row to {@code action} as it arrives, {@code fetchRows} per round
     * trip: PostgreSQL's driver streams through a cursor only with a fetch size, auto-commit off
     * (the pool's setting) and a forward-only result; SQLite steps through the rows anyway. Returns
     * how many rows were handed over.
     */
    static long forEach(Connection connection, int fetchRows, RowAction action, String sql, Object... values)
            throws SQLException {
        try (PreparedStatement statement = bind(connection, sql, values)) {
            statement.setFetchSize(fetchRows);
            long handed = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    action.accept(rows);
                    handed++;
                }
            }
            return handed;
        }
    }

    static <T> java.util.Optional<T> queryOne(Connection connection, Row<T> mapper, String sql, Object... values)
            throws SQLException {
        java.util.List<T> rows = query(connection, mapper, sql, values);
        return rows.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(rows.get(0));
    }
}
