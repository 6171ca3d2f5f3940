package org.parley.dialogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The ledger in a database (SQLite or PostgreSQL): one row per event, appended in a transaction
 * that commits before {@link #append} returns. Migrations live in {@code org/parley/dialogue/migration}
 * with their own history table, so they sit beside parley-store's in the same database.
 */
final class JdbcDialogueRepository implements DialogueRepository {
    static final String MIGRATIONS = "classpath:org/parley/dialogue/migration";
    static final String HISTORY_TABLE = "flyway_dialogue_history";

    private final DataSource dataSource;

    private JdbcDialogueRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static JdbcDialogueRepository open(DataSource dataSource) {
        migrate(dataSource);
        return new JdbcDialogueRepository(dataSource);
    }

    /** Brings the dialogue tables to the current schema; safe to call from every entry point. */
    static void migrate(DataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new DialogueStoreException("dialogue: cannot migrate the ledger tables: " + e.getMessage(), e);
        }
    }

    @Override
    public void append(DialogueEvent event) {
        String requestId = switch (event) {
            case DialogueEvent.Requested r -> r.request().id().toString();
            case DialogueEvent.Answered a -> a.answer().requestId().toString();
        };
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO dialogue_event (seq, kind, request_id, body)"
                            + " SELECT COALESCE(MAX(seq), 0) + 1, ?, ?, ? FROM dialogue_event")) {
                insert.setString(1, EventJson.kind(event));
                insert.setString(2, requestId);
                insert.setString(3, EventJson.write(event));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DialogueStoreException(
                    "dialogue: cannot store an event of request " + requestId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<DialogueEvent> events() {
        List<DialogueEvent> events = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT body FROM dialogue_event ORDER BY seq");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                events.add(EventJson.read(rows.getString(1)));
            }
        } catch (SQLException e) {
            throw new DialogueStoreException("dialogue: cannot read the ledger: " + e.getMessage(), e);
        }
        return events;
    }
}
