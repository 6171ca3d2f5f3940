package org.parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** The two database engines and their few differences (docs/decisions.md, decision 7). */
enum Engine {
    /** A file, WAL journal, synchronous=FULL: a commit is on disk when it returns (SQLite docs "pragma"). */
    SQLITE("BLOB", "INTEGER PRIMARY KEY AUTOINCREMENT"),
    POSTGRES("BYTEA", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

    /**
     * How long a transaction on PostgreSQL waits for a pooled connection before it fails (HikariCP
     * connectionTimeout; its default is 30 s). While the server cannot be reached every wait runs to
     * this bound, and an operator's send waits with it: 3 s answers the operator within a few seconds
     * that the store is unreachable and nothing was accepted (issue 20), and is still hundreds of
     * times a healthy pool's wait (a free connection is handed out in well under a millisecond; a
     * transaction holds one for milliseconds, and eight are pooled). A failed wait in a delivery loop
     * or an inbound batch is retried, as any store failure is.
     */
    static final java.time.Duration CONNECTION_WAIT = java.time.Duration.ofSeconds(3);

    /**
     * How long the pool tests a borrowed connection (isValid) before it takes it as dead; below {@link
     * #CONNECTION_WAIT}, so a borrower whose first connection is dead still has time for another.
     */
    private static final java.time.Duration VALIDATION_WAIT = java.time.Duration.ofSeconds(2);

    /** The driver's bound on opening one TCP connection (pgjdbc connectTimeout; default 10 s). */
    private static final int CONNECT_SECONDS = 2;

    private final String blobType;
    private final String identityColumn;

    Engine(String blobType, String identityColumn) {
        this.blobType = blobType;
        this.identityColumn = identityColumn;
    }

    /** Flyway placeholders for the shared migration scripts. */
    Map<String, String> placeholders() {
        return Map.of("blob", blobType, "identity", identityColumn);
    }

    /**
     * For SQLite, Flyway gets its own plain data source in the default (deferred) transaction mode:
     * it holds one connection in a transaction while a second reads its history table, which the
     * pool's IMMEDIATE mode would turn into SQLITE_BUSY.
     */
    javax.sql.DataSource migrationDataSource(HikariDataSource pool, String location) {
        if (this == POSTGRES) {
            return pool;
        }
        SQLiteConfig sqlite = sqliteConfig();
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl("jdbc:sqlite:" + location);
        return source;
    }

    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.setBusyTimeout(30_000);
        sqlite.enforceForeignKeys(true);
        return sqlite;
    }

    /**
     * The safety lane's own pool on PostgreSQL (issue 20): two connections beside {@code main}'s, so
     * a FLASH never waits for a connection that bulk work holds. Same server, schema and account.
     */
    HikariDataSource safetyPool(HikariDataSource main) {
        HikariConfig config = new HikariConfig();
        main.copyStateTo(config);
        config.setPoolName(main.getPoolName() + "-safety");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    /**
     * SQLite's readers (issue 20): {@code connections} in auto-commit mode beside the writer's one,
     * for queries and {@link Checkpoints} only, named {@code name}. In WAL mode readers and the writer
     * do not block each other, and each statement reads the last committed state. Same file as
     * {@code main}'s (made by {@link #dataSource}).
     */
    HikariDataSource readers(HikariDataSource main, String name, int connections) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(main.getPoolName() + "-" + name);
        config.setAutoCommit(true);
        // Not the writer's settings: a reader runs no journal_mode change on opening (one that may
        // need a lock the writer holds, when a reader is opened during a bulk transaction). The
        // file is in WAL mode already (the mode persists in the file); a reader needs the busy
        // timeout only.
        SQLiteConfig reader = new SQLiteConfig();
        reader.setBusyTimeout(30_000);
        SQLiteDataSource source = new SQLiteDataSource(reader);
        source.setUrl(((SQLiteDataSource) main.getDataSource()).getUrl());
        config.setDataSource(source);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        return new HikariDataSource(config);
    }

    HikariDataSource dataSource(String location, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("parley-store-" + name().toLowerCase(java.util.Locale.ROOT));
        config.setAutoCommit(false);
        switch (this) {
            case SQLITE -> {
                // One connection: SQLite has one writer anyway, and sqlite-jdbc opens a transaction as
                // soon as auto-commit is off, so idle pooled connections in IMMEDIATE mode would hold the
                // write lock, while several DEFERRED ones could fail to upgrade read locks (SQLITE_BUSY).
                SQLiteConfig writer = sqliteConfig();
                // No checkpoint inside a commit: Checkpoints runs them beside the writer (issue 20).
                writer.setWalAutocheckpoint(0);
                SQLiteDataSource source = new SQLiteDataSource(writer);
                source.setUrl("jdbc:sqlite:" + location);
                config.setDataSource(source);
                config.setMaximumPoolSize(1);
            }
            case POSTGRES -> {
                config.setJdbcUrl(location);
                config.setUsername(user);
                config.setPassword(password);
                config.setSchema(schema);
                config.setMaximumPoolSize(8);
                config.setConnectionTimeout(CONNECTION_WAIT.toMillis());
                config.setValidationTimeout(VALIDATION_WAIT.toMillis());
                // A server that is gone without a word (a cut cable drops packets: no refusal comes)
                // would hold each connection attempt for the driver's 10 s default. The login after
                // the connect keeps the driver's default (no bound): on a loaded machine it can take
                // a while, and a node must not fail to start for that.
                config.addDataSourceProperty("connectTimeout", CONNECT_SECONDS);
            }
        }
        return new HikariDataSource(config);
    }
}
