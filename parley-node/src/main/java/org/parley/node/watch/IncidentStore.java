package org.parley.node.watch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.parley.encounter.ClosestApproach;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.GeoPoint;
import org.parley.encounter.Level;
import org.parley.track.Domain;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

/**
 * Incidents in the node's database (SQLite or PostgreSQL), beside parley-store's tables with their
 * own migrations ({@code org/parley/node/watch/migration}, history table {@code
 * flyway_watch_history}). Every method commits what it wrote before it returns.
 */
final class IncidentStore {
    private static final String MIGRATIONS = "classpath:org/parley/node/watch/migration";
    private static final String HISTORY_TABLE = "flyway_watch_history";
    private static final String COLUMNS =
            "incident_id, pair_key, domain, unit_a, unit_b, party_a, party_b, level, opened_micros, updated_micros,"
                    + " closed_micros";

    private final DataSource data;

    private IncidentStore(DataSource data) {
        this.data = data;
    }

    static IncidentStore open(DataSource data) {
        try {
            Flyway.configure()
                    .dataSource(data)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("watch: cannot migrate the incident tables: " + e.getMessage(), e);
        }
        return new IncidentStore(data);
    }

    /** The open incident of a pair, if any (at most one: a unique index says so). */
    Optional<Incident> openFor(String pairKey) {
        return one("SELECT " + COLUMNS + " FROM incident WHERE pair_key = ? AND closed_micros IS NULL", pairKey);
    }

    /** The incident an event of the cluster's feed was stored under, if it was stored. */
    Optional<String> incidentOfClusterEvent(String key) {
        return clusterLookup("SELECT incident_id FROM cluster_event WHERE event_key = ?", key);
    }

    /** Our incident for the Flink job's incident id, if one of its events was stored. */
    Optional<String> incidentOfJobIncident(String jobIncident) {
        return clusterLookup("SELECT incident_id FROM cluster_event WHERE job_incident = ? LIMIT 1", jobIncident);
    }

    private Optional<String> clusterLookup(String sql, String key) {
        try (Connection c = data.getConnection();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, key);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("watch: cannot read incidents: " + e.getMessage(), e);
        }
    }

    Optional<Incident> find(String id) {
        return one("SELECT " + COLUMNS + " FROM incident WHERE incident_id = ?", id);
    }

    /** Stores a new open incident. */
    Incident create(Incident incident) {
        update(
                "INSERT INTO incident (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                incident.id(),
                incident.pairKey(),
                incident.domain().name(),
                incident.unitA(),
                incident.unitB(),
                incident.partyA().map(Party::name).orElse(""),
                incident.partyB().map(Party::name).orElse(""),
                incident.level().name(),
                micros(incident.opened()),
                micros(incident.updated()));
        return incident;
    }

    /**
     * Appends the event's geometry as the incident's next change and moves the incident to the
     * event's level (and to closed for CLOSED), in one transaction.
     */
    void change(String id, EncounterEvent event, Optional<Incident.Motion> motionA, Optional<Incident.Motion> motionB) {
        change(id, event, motionA, motionB, Optional.empty());
    }

    /**
     * {@link #change(String, EncounterEvent, Optional, Optional)}, and for an event of the cluster's
     * feed its key kept in the same transaction ({@link #incidentOfClusterEvent} finds it after a
     * restart).
     */
    void change(
            String id,
            EncounterEvent event,
            Optional<Incident.Motion> motionA,
            Optional<Incident.Motion> motionB,
            Optional<String> clusterKey) {
        transaction(c -> {
            // A write first: on SQLite it takes the write lock at once (waiting out the busy
            // timeout), where a read first would have to upgrade its lock and could fail busy.
            try (PreparedStatement touch =
                    c.prepareStatement("UPDATE incident SET updated_micros = ? WHERE incident_id = ?")) {
                touch.setLong(1, micros(event.time()));
                touch.setString(2, id);
                touch.executeUpdate();
            }
            insertChange(c, id, event);
            Motions.insert(c, id, motionA, motionB);
            if (clusterKey.isPresent()) {
                try (PreparedStatement key = c.prepareStatement("INSERT INTO cluster_event (event_key, job_incident,"
                        + " incident_id, stored_micros) VALUES (?, ?, ?, ?)")) {
                    key.setString(1, clusterKey.get());
                    key.setString(2, event.incidentId());
                    key.setString(3, id);
                    key.setLong(4, micros(event.time()));
                    key.executeUpdate();
                }
            }
            boolean closes = event.kind() == EncounterEvent.Kind.CLOSED;
            // The incident keeps the worst level it reached: after a restart the fresh engine may
            // see the pair again at a lower level first.
            Level level = event.level();
            try (PreparedStatement now = c.prepareStatement("SELECT level FROM incident WHERE incident_id = ?")) {
                now.setString(1, id);
                try (ResultSet rows = now.executeQuery()) {
                    if (rows.next() && Level.valueOf(rows.getString(1)).compareTo(level) > 0) {
                        level = Level.valueOf(rows.getString(1));
                    }
                }
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE incident SET level = ?"
                    + (closes ? ", closed_micros = ?" : "") + " WHERE incident_id = ?")) {
                int i = 1;
                up.setString(i++, level.name());
                if (closes) {
                    up.setLong(i++, micros(event.time()));
                }
                up.setString(i, id);
                up.executeUpdate();
            }
            return null;
        });
    }

    private static void insertChange(Connection c, String id, EncounterEvent event) throws SQLException {
        ClosestApproach closest = event.closest();
        try (PreparedStatement in = c.prepareStatement("INSERT INTO incident_change (incident_id, seq, kind, level,"
                + " time_micros, range_metres, bearing_degrees, cpa_metres, tcpa_seconds, vertical_feet, lat_a,"
                + " lon_a, lat_b, lon_b, closest_micros, summary) SELECT ?, COALESCE(MAX(seq), 0) + 1,"
                + " ?,?,?,?,?,?,?,?,?,?,?,?,?,? FROM incident_change WHERE incident_id = ?")) {
            in.setString(1, id);
            in.setString(16, id);
            in.setString(2, event.kind().name());
            in.setString(3, event.level().name());
            in.setLong(4, micros(event.time()));
            in.setDouble(5, closest.rangeMetres());
            in.setDouble(6, closest.relativeBearingDegrees());
            in.setDouble(7, event.predictedCpaMetres());
            in.setDouble(8, event.predictedTcpaSeconds());
            if (closest.verticalSeparationFeet().isPresent()) {
                in.setDouble(9, closest.verticalSeparationFeet().getAsDouble());
            } else {
                in.setNull(9, Types.DOUBLE);
            }
            in.setDouble(10, closest.positionA().latitudeDegrees());
            in.setDouble(11, closest.positionA().longitudeDegrees());
            in.setDouble(12, closest.positionB().latitudeDegrees());
            in.setDouble(13, closest.positionB().longitudeDegrees());
            in.setLong(14, micros(closest.time()));
            in.setString(15, clip(event.summary(), 2000));
            in.executeUpdate();
        }
    }

    /**
     * Claims the notice of an incident level: inserts it in {@code state} unless one is stored
     * already. Returns whether this call inserted it; the primary key makes a second claim (after a
     * restart, or a race) lose.
     */
    boolean claimNotice(String id, Level level, Incident.NoticeState state, String payloadJson, Instant at) {
        // One statement, so the write lock is taken at once on SQLite (see change()).
        return update(
                        "INSERT INTO incident_notice (incident_id, level, state, payload, created_micros)"
                                + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM incident_notice"
                                + " WHERE incident_id = ? AND level = ?)",
                        id,
                        level.name(),
                        state.name(),
                        payloadJson,
                        micros(at),
                        id,
                        level.name())
                == 1;
    }

    /** Records the envelope a notice went out as, and who decided it (the watch itself for auto). */
    void noticeSent(String id, Level level, EnvelopeId envelope, String by, Instant at) {
        update(
                "UPDATE incident_notice SET state = 'SENT', envelope_id = ?, decided_micros = ?, decided_by = ?"
                        + " WHERE incident_id = ? AND level = ?",
                envelope.toString(),
                micros(at),
                by,
                id,
                level.name());
    }

    /** Marks a drafted notice discarded, keeping who and why. Returns false unless it was a DRAFT. */
    boolean noticeDiscarded(String id, Level level, String by, String reason, Instant at) {
        return update(
                        "UPDATE incident_notice SET state = 'DISCARDED', decided_micros = ?, decided_by = ?,"
                                + " reason = ? WHERE incident_id = ? AND level = ? AND state = 'DRAFT'",
                        micros(at),
                        by,
                        clip(reason, 2000),
                        id,
                        level.name())
                == 1;
    }

    /** Moves a DRAFT to SENDING; false if it is not a draft any more (sent or discarded meanwhile). */
    boolean takeDraft(String id, Level level) {
        return update(
                        "UPDATE incident_notice SET state = 'SENDING' WHERE incident_id = ? AND level = ?"
                                + " AND state = 'DRAFT'",
                        id,
                        level.name())
                == 1;
    }

    /** Closes an open incident the engine no longer follows (after a restart the pair was not seen again). */
    void close(String id, Instant at) {
        update(
                "UPDATE incident SET closed_micros = ?, updated_micros = ? WHERE incident_id = ? AND closed_micros IS NULL",
                micros(at),
                micros(at),
                id);
    }

    /** A notice claimed for sending: which incident, which level. */
    record Pending(String incidentId, Level level) {}

    /** Notices stuck in SENDING over all incidents. */
    List<Pending> allSending() {
        List<Pending> out = new ArrayList<>();
        query(
                "SELECT incident_id, level FROM incident_notice WHERE state = 'SENDING'",
                rows -> out.add(new Pending(rows.getString(1), Level.valueOf(rows.getString(2)))));
        return out;
    }

    void linkPeer(String id, Incident.PeerReport report) {
        update(
                "INSERT INTO incident_peer (incident_id, from_party, envelope_id, peer_incident, received_micros,"
                        + " summary) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM incident_peer"
                        + " WHERE incident_id = ? AND from_party = ? AND envelope_id = ?)",
                id,
                report.from().name(),
                report.envelope().toString(),
                report.peerIncident(),
                micros(report.received()),
                report.summary(),
                id,
                report.from().name(),
                report.envelope().toString());
    }

    /** Incidents, most recently changed first; {@code openOnly} leaves out the closed ones. */
    List<Incident> list(boolean openOnly, int offset, int limit) {
        List<Incident> out = new ArrayList<>();
        query(
                "SELECT " + COLUMNS + " FROM incident" + (openOnly ? " WHERE closed_micros IS NULL" : "")
                        + " ORDER BY updated_micros DESC, incident_id DESC LIMIT " + limit + " OFFSET " + offset,
                rows -> out.add(incident(rows)));
        return out;
    }

    Optional<Incident.Detail> detail(String id) {
        return find(id).map(incident -> new Incident.Detail(incident, changes(id), notices(id), peer(id)));
    }

    List<Incident.Change> changes(String id) {
        Map<String, Incident.Motion> motions = new HashMap<>();
        query(
                "SELECT seq, unit, time_micros, lat, lon, course_degrees, speed_knots FROM incident_motion"
                        + " WHERE incident_id = ?",
                rows -> motions.put(rows.getInt(1) + rows.getString(2), Motions.read(rows)),
                id);
        List<Incident.Change> out = new ArrayList<>();
        query(
                "SELECT seq, kind, level, time_micros, range_metres, bearing_degrees, cpa_metres, tcpa_seconds,"
                        + " vertical_feet, lat_a, lon_a, lat_b, lon_b, closest_micros, summary FROM incident_change"
                        + " WHERE incident_id = ? ORDER BY seq",
                rows -> {
                    double vertical = rows.getDouble(9);
                    OptionalDouble verticalFeet = rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(vertical);
                    out.add(new Incident.Change(
                            rows.getInt(1),
                            EncounterEvent.Kind.valueOf(rows.getString(2)),
                            Level.valueOf(rows.getString(3)),
                            instant(rows.getLong(4)),
                            rows.getDouble(5),
                            rows.getDouble(6),
                            rows.getDouble(7),
                            rows.getDouble(8),
                            verticalFeet,
                            new GeoPoint(rows.getDouble(10), rows.getDouble(11)),
                            new GeoPoint(rows.getDouble(12), rows.getDouble(13)),
                            instant(rows.getLong(14)),
                            rows.getString(15),
                            Optional.ofNullable(motions.get(rows.getInt(1) + "A")),
                            Optional.ofNullable(motions.get(rows.getInt(1) + "B"))));
                },
                id);
        return out;
    }

    List<Incident.Notice> notices(String id) {
        List<Incident.Notice> out = new ArrayList<>();
        query(
                "SELECT level, state, envelope_id, payload, created_micros, decided_micros, decided_by, reason"
                        + " FROM incident_notice WHERE incident_id = ? ORDER BY created_micros, level",
                rows -> {
                    long decided = rows.getLong(6);
                    boolean undecided = rows.wasNull();
                    out.add(new Incident.Notice(
                            Level.valueOf(rows.getString(1)),
                            Incident.NoticeState.valueOf(rows.getString(2)),
                            Optional.ofNullable(rows.getString(3)).map(EnvelopeId::parse),
                            rows.getString(4),
                            instant(rows.getLong(5)),
                            undecided ? Optional.empty() : Optional.of(instant(decided)),
                            Optional.ofNullable(rows.getString(7)),
                            Optional.ofNullable(rows.getString(8))));
                },
                id);
        return out;
    }

    private List<Incident.PeerReport> peer(String id) {
        List<Incident.PeerReport> out = new ArrayList<>();
        query(
                "SELECT from_party, envelope_id, peer_incident, received_micros, summary FROM incident_peer"
                        + " WHERE incident_id = ? ORDER BY received_micros",
                rows -> out.add(new Incident.PeerReport(
                        new Party(rows.getString(1)),
                        EnvelopeId.parse(rows.getString(2)),
                        rows.getString(3),
                        instant(rows.getLong(4)),
                        rows.getString(5))),
                id);
        return out;
    }

    // --- JDBC plumbing -----------------------------------------------------------------

    private Optional<Incident> one(String sql, String parameter) {
        List<Incident> out = new ArrayList<>();
        query(sql, rows -> out.add(incident(rows)), parameter);
        return out.stream().findFirst();
    }

    private static Incident incident(ResultSet rows) throws SQLException {
        long closed = rows.getLong(11);
        boolean open = rows.wasNull();
        return new Incident(
                rows.getString(1),
                rows.getString(2),
                Domain.valueOf(rows.getString(3)),
                rows.getString(4),
                rows.getString(5),
                party(rows.getString(6)),
                party(rows.getString(7)),
                Level.valueOf(rows.getString(8)),
                instant(rows.getLong(9)),
                instant(rows.getLong(10)),
                open ? Optional.empty() : Optional.of(instant(closed)));
    }

    private static Optional<Party> party(String name) {
        return name.isEmpty() ? Optional.empty() : Optional.of(new Party(name));
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        @Nullable
        T run(Connection c) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... parameters) {
        try (Connection c = data.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("watch: cannot read incidents: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... parameters) {
        Integer count = transaction(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
        return count == null ? 0 : count;
    }

    private <T> @Nullable T transaction(Work<T> work) {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("watch: cannot store incidents: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            switch (parameters[i]) {
                case String s -> statement.setString(i + 1, s);
                case Long l -> statement.setLong(i + 1, l);
                case Integer n -> statement.setInt(i + 1, n);
                default -> throw new IllegalArgumentException("cannot bind " + parameters[i].getClass());
            }
        }
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
