package org.parley.encounter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.geographiclib.Constants;
import org.parley.track.TargetId;
import org.parley.track.Track;

/**
 * A uniform grid over geocentric (ECEF) coordinates: cubes of side {@code cellMetres}. Chord
 * distance never exceeds geodesic distance, so two units within {@code cellMetres} of each other
 * are always in the same or adjacent cubes, at the poles and across the antimeridian alike (DESIGN
 * decision 9). Updated in place on each report; a full sweep visits each pair once by pairing a
 * cell with itself and its 13 "forward" neighbours (half of the 26).
 */
final class GridIndex {
    private static final int OFFSET = 1 << 20;
    private static final double A = Constants.WGS84_a;
    private static final double E2 = Constants.WGS84_f * (2 - Constants.WGS84_f);

    private final double cellMetres;
    private final Map<Long, List<Slot>> cells = new HashMap<>();
    private final Map<TargetId, Slot> slots = new HashMap<>();

    /** One indexed unit: the latest track and what the sweep needs about it without recomputing. */
    static final class Slot {
        Track track;
        Unit unit;
        boolean suppressed;
        double x;
        double y;
        double z;
        /** Geocentric velocity, m/s, from speed and course in the local east-north frame. */
        double vx;

        double vy;
        double vz;
        long cell;
        int position;

        Slot(Track track, Unit unit) {
            this.track = track;
            this.unit = unit;
        }
    }

    GridIndex(double cellMetres) {
        if (!(cellMetres > 0)) {
            throw new IllegalArgumentException("cellMetres must be > 0: " + cellMetres);
        }
        this.cellMetres = cellMetres;
    }

    double cellMetres() {
        return cellMetres;
    }

    /** Inserts or moves a unit; returns its slot. */
    Slot put(Track track, Unit unit, boolean suppressed) {
        Slot slot = slots.get(track.id());
        if (slot == null) {
            slot = new Slot(track, unit);
            slots.put(track.id(), slot);
            slot.cell = Long.MIN_VALUE;
        }
        slot.track = track;
        slot.unit = unit;
        slot.suppressed = suppressed;
        geocentric(track.latitudeDegrees(), track.longitudeDegrees(), slot);
        velocity(track, slot);
        long cell = key((int) Math.floor(slot.x / cellMetres), (int) Math.floor(slot.y / cellMetres), (int)
                Math.floor(slot.z / cellMetres));
        if (cell != slot.cell) {
            if (slot.cell != Long.MIN_VALUE) {
                detach(slot);
            }
            List<Slot> list = cells.computeIfAbsent(cell, k -> new ArrayList<>());
            slot.cell = cell;
            slot.position = list.size();
            list.add(slot);
        }
        return slot;
    }

    void remove(TargetId id) {
        Slot slot = slots.remove(id);
        if (slot != null) {
            detach(slot);
        }
    }

    private void detach(Slot slot) {
        List<Slot> list = cells.get(slot.cell);
        if (list == null) {
            return;
        }
        Slot last = list.remove(list.size() - 1);
        if (last != slot) {
            list.set(slot.position, last);
            last.position = slot.position;
        }
        if (list.isEmpty()) {
            cells.remove(slot.cell);
        }
    }

    Collection<Slot> slots() {
        return slots.values();
    }

    int size() {
        return slots.size();
    }

    /** Calls {@code visitor} with every other slot in the 27 cells around {@code slot}. */
    void neighbours(Slot slot, SlotVisitor visitor) {
        int ix = ix(slot.cell);
        int iy = iy(slot.cell);
        int iz = iz(slot.cell);
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dz = -1; dz <= 1; dz++) {
                    List<Slot> list = cells.get(key(ix + dx, iy + dy, iz + dz));
                    if (list != null) {
                        for (int i = 0; i < list.size(); i++) {
                            Slot other = list.get(i);
                            if (other != slot) {
                                visitor.visit(slot, other);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Calls {@code visitor} once for every unordered pair of slots in the same or adjacent cells. */
    void pairs(SlotVisitor visitor) {
        for (Map.Entry<Long, List<Slot>> entry : cells.entrySet()) {
            long cell = entry.getKey();
            List<Slot> own = entry.getValue();
            for (int i = 0; i < own.size(); i++) {
                for (int j = i + 1; j < own.size(); j++) {
                    visitor.visit(own.get(i), own.get(j));
                }
            }
            int ix = ix(cell);
            int iy = iy(cell);
            int iz = iz(cell);
            for (int n = 0; n < FORWARD.length; n++) {
                List<Slot> other = cells.get(key(ix + FORWARD[n][0], iy + FORWARD[n][1], iz + FORWARD[n][2]));
                if (other != null) {
                    for (int i = 0; i < own.size(); i++) {
                        for (int j = 0; j < other.size(); j++) {
                            visitor.visit(own.get(i), other.get(j));
                        }
                    }
                }
            }
        }
    }

    /** The 13 neighbour offsets that are lexicographically after (0,0,0): each adjacent pair once. */
    private static final int[][] FORWARD = forward();

    private static int[][] forward() {
        List<int[]> out = new ArrayList<>();
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dz = -1; dz <= 1; dz++) {
                    if (dx > 0 || (dx == 0 && (dy > 0 || (dy == 0 && dz > 0)))) {
                        out.add(new int[] {dx, dy, dz});
                    }
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    interface SlotVisitor {
        void visit(Slot a, Slot b);
    }

    /** Chord distance between two slots' reported positions. */
    static double chordMetres(Slot a, Slot b) {
        double dx = a.x - b.x;
        double dy = a.y - b.y;
        double dz = a.z - b.z;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static void geocentric(double latitudeDegrees, double longitudeDegrees, Slot out) {
        double phi = Math.toRadians(latitudeDegrees);
        double lambda = Math.toRadians(longitudeDegrees);
        double sinLat = Math.sin(phi);
        double cosLat = Math.cos(phi);
        double n = A / Math.sqrt(1 - E2 * sinLat * sinLat);
        out.x = n * cosLat * Math.cos(lambda);
        out.y = n * cosLat * Math.sin(lambda);
        out.z = n * (1 - E2) * sinLat;
    }

    private static void velocity(Track t, Slot out) {
        double phi = Math.toRadians(t.latitudeDegrees());
        double lambda = Math.toRadians(t.longitudeDegrees());
        double course = Math.toRadians(t.courseDegrees());
        double speed = t.speedKnots() * 1852.0 / 3600;
        double east = speed * Math.sin(course);
        double north = speed * Math.cos(course);
        double sinLat = Math.sin(phi);
        double cosLat = Math.cos(phi);
        double sinLon = Math.sin(lambda);
        double cosLon = Math.cos(lambda);
        out.vx = -sinLon * east - sinLat * cosLon * north;
        out.vy = cosLon * east - sinLat * sinLon * north;
        out.vz = cosLat * north;
    }

    /**
     * Straight-line closest approach in geocentric space within {@code horizon} seconds, both
     * positions first moved on by {@code dtA}/{@code dtB} seconds: a cheap, slightly optimistic
     * stand-in for the ellipsoid geometry, used only to discard pairs.
     */
    static double roughCpaMetres(Slot a, Slot b, double dtA, double dtB, double horizon) {
        double px = b.x + b.vx * dtB - a.x - a.vx * dtA;
        double py = b.y + b.vy * dtB - a.y - a.vy * dtA;
        double pz = b.z + b.vz * dtB - a.z - a.vz * dtA;
        double vx = b.vx - a.vx;
        double vy = b.vy - a.vy;
        double vz = b.vz - a.vz;
        double vv = vx * vx + vy * vy + vz * vz;
        double t = vv > 1e-9 ? Math.max(0, Math.min(horizon, -(px * vx + py * vy + pz * vz) / vv)) : 0;
        double dx = px + vx * t;
        double dy = py + vy * t;
        double dz = pz + vz * t;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static long key(int ix, int iy, int iz) {
        return ((long) (ix + OFFSET) << 42) | ((long) (iy + OFFSET) << 21) | (iz + OFFSET);
    }

    private static int ix(long key) {
        return (int) (key >>> 42) - OFFSET;
    }

    private static int iy(long key) {
        return (int) ((key >>> 21) & 0x1F_FFFF) - OFFSET;
    }

    private static int iz(long key) {
        return (int) (key & 0x1F_FFFF) - OFFSET;
    }
}
