package org.parley.node.watch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.OptionalDouble;
import org.parley.encounter.GeoPoint;
import org.parley.track.PositionReport;

/** The units' last reports kept with each incident change (table incident_motion, schema 2). */
final class Motions {
    private Motions() {}

    /** The motion a report gives: its position and time, course and speed over ground if it has them. */
    static Incident.Motion of(PositionReport report) {
        OptionalDouble course = report.courseDegrees();
        // A course of exactly 360 means north as well (some feeds send it); the record wants [0, 360).
        if (course.isPresent() && course.getAsDouble() >= 360) {
            course = OptionalDouble.of(course.getAsDouble() % 360);
        }
        return new Incident.Motion(
                new GeoPoint(report.latitudeDegrees(), report.longitudeDegrees()),
                report.time(),
                course,
                report.speedKnots());
    }

    /** Inserts each unit's motion for the change just inserted (the incident's newest seq). */
    static void insert(Connection c, String id, Optional<Incident.Motion> a, Optional<Incident.Motion> b)
            throws SQLException {
        insert(c, id, "A", a);
        insert(c, id, "B", b);
    }

    private static void insert(Connection c, String id, String unit, Optional<Incident.Motion> motion)
            throws SQLException {
        if (motion.isEmpty()) {
            return;
        }
        Incident.Motion m = motion.get();
        try (PreparedStatement in = c.prepareStatement("INSERT INTO incident_motion (incident_id, seq, unit,"
                + " time_micros, lat, lon, course_degrees, speed_knots) SELECT ?, MAX(seq), ?, ?, ?, ?, ?, ?"
                + " FROM incident_change WHERE incident_id = ?")) {
            in.setString(1, id);
            in.setString(2, unit);
            in.setLong(3, IncidentStore.micros(m.time()));
            in.setDouble(4, m.position().latitudeDegrees());
            in.setDouble(5, m.position().longitudeDegrees());
            optional(in, 6, m.courseDegrees());
            optional(in, 7, m.speedKnots());
            in.setString(8, id);
            in.executeUpdate();
        }
    }

    private static void optional(PreparedStatement in, int index, OptionalDouble value) throws SQLException {
        if (value.isPresent()) {
            in.setDouble(index, value.getAsDouble());
        } else {
            in.setNull(index, Types.DOUBLE);
        }
    }

    /** A row of {@code SELECT seq, unit, time_micros, lat, lon, course_degrees, speed_knots}. */
    static Incident.Motion read(ResultSet rows) throws SQLException {
        GeoPoint position = new GeoPoint(rows.getDouble(4), rows.getDouble(5));
        double course = rows.getDouble(6);
        OptionalDouble courseDegrees = rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(course);
        double speed = rows.getDouble(7);
        OptionalDouble speedKnots = rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(speed);
        return new Incident.Motion(position, IncidentStore.instant(rows.getLong(3)), courseDegrees, speedKnots);
    }
}
