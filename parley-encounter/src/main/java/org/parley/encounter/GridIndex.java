package org.parley.encounter;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.sf.geographiclib.Constants;
import org.jspecify.annotations.Nullable;
import org.parley.track.Domain;
import org.parley.track.TargetId;
import org.parley.track.Track;

/**
 * A uniform grid over geocentric (ECEF) coordinates, cubes of a side per domain, in which each unit
 * is entered into every cube its own swept path touches (docs/decisions.md, decision 9).
 *
 * <p>The path of a unit is a capsule: the straight geocentric line through its reported position
 * along its velocity, over a window of seconds around the report, thickened by a radius. Both the
 * window and the radius come from the engine, which chooses them so that any pair its cheap bounds
 * would let through has capsules that meet; two capsules that meet share a point, and the cube
 * holding that point holds both units. So a pair is offered only when their paths share a cube,
 * and no pair the engine would alert on is missed. Chord distance and straight lines in ECEF are
 * the same at the poles and across the antimeridian as anywhere else.
 *
 * <p>A ship lying still covers a few cubes, a fast one a line of them: the work of a sweep follows
 * the traffic around each unit, not a fixed cell sized for the fastest closure. Updated in place on
 * each report (only the cubes that changed are touched); a full sweep offers each pair once, by
 * marking the partners already offered to a unit.
 */
final class GridIndex {
    private static final int OFFSET = 1 << 20;
    private static final long AIR_BIT = 1L << 63;
    private static final double A = Constants.WGS84_a;
    private static final double E2 = Constants.WGS84_f * (2 - Constants.WGS84_f);
    private static final long[] NO_KEYS = {};
    private static final Cell[] NO_CELLS = {};
    private static final int[] NO_POSITIONS = {};

    private final double seaCellMetres;
    private final double airCellMetres;
    private final Map<Long, Cell> cells = new HashMap<>();
    private final Map<TargetId, Slot> slots = new HashMap<>();
    private int nextIndex;
    private int[] freeIndices = new int[16];
    private int freeCount;
    private long stamp;
    private long[] scratch = new long[64];
    private int scratchSize;

    /** The cube of space a slot's capsule touches, with the slots in it. */
    static final class Cell {
        final long key;
        Slot[] items = new Slot[4];
        /** items[i].index, so that the sweep passes over partners without loading them. */
        int[] indices = new int[4];

        int size;

        Cell(long key) {
            this.key = key;
        }
    }

    /** One indexed unit: the latest track and what the sweep needs about it without recomputing. */
    static final class Slot {
        /**
         * Dense number among the live slots, kept for the slot's life (a removed slot's number is
         * reused): the place in {@link #indexedSlots}, the order in which a sweep offers pairs and
         * the index of the sweep workers' marks.
         */
        final int index;

        Track track;
        Unit unit;
        boolean suppressed;
        /** The track's domain, speed and report time, copied for the sweep's cheap bounds. */
        Domain domain;

        double speedKnots;
        long timeMillis;
        double x;
        double y;
        double z;
        /** Geocentric velocity, m/s, from speed and course in the local east-north frame. */
        double vx;

        double vy;
        double vz;
        /** Sorted keys of the cubes this slot is in, with the cube and this slot's place in it. */
        long[] keys = NO_KEYS;

        Cell[] cells = NO_CELLS;
        int[] positions = NO_POSITIONS;
        int cellCount;
        /** The stamp of the last unit this slot was offered to: each pair once per visit. */
        long mark = -1;
        /** Counts the reports put into this slot. */
        long version;
        /**
         * The engine's motion of this slot for some report and instant (see {@link Motion#version}
         * and {@link Motion#at}); written by sweep workers without a lock, safe since Motion is
         * immutable.
         */
        @Nullable
        Motion motion;

        Slot(int index, Track track, Unit unit) {
            this.index = index;
            this.track = track;
            this.unit = unit;
            this.domain = track.domain();
        }
    }

    /**
     * The capsule a slot covers: its geocentric line from {@code fromSeconds} to {@code toSeconds}
     * after its report, every point within {@code radiusMetres} of it.
     */
    record Path(double fromSeconds, double toSeconds, double radiusMetres) {
        Path {
            if (!(fromSeconds <= toSeconds) || !(radiusMetres >= 0)) {
                throw new IllegalArgumentException(
                        "bad path: " + fromSeconds + ".." + toSeconds + " r " + radiusMetres);
            }
        }
    }

    GridIndex(double seaCellMetres, double airCellMetres) {
        if (!(seaCellMetres > 0) || !(airCellMetres > 0)) {
            throw new IllegalArgumentException("cell sides must be > 0: " + seaCellMetres + ", " + airCellMetres);
        }
        this.seaCellMetres = seaCellMetres;
        this.airCellMetres = airCellMetres;
    }

    double cellMetres(Domain domain) {
        return domain == Domain.SEA ? seaCellMetres : airCellMetres;
    }

    /**
     * Inserts or moves a unit; returns its slot. A suppressed unit is kept (so its track is known)
     * but in no cube, since it is never paired.
     */
    Slot put(Track track, Unit unit, boolean suppressed, Path path) {
        Slot slot = slots.get(track.id());
        if (slot == null) {
            slot = new Slot(takeIndex(), track, unit);
            slots.put(track.id(), slot);
        }
        fill(slot, track, unit, suppressed);
        scratchSize = 0;
        if (!suppressed) {
            cover(slot, path, track.domain());
        }
        move(slot);
        return slot;
    }

    private static void fill(Slot slot, Track track, Unit unit, boolean suppressed) {
        slot.track = track;
        slot.version++;
        slot.unit = unit;
        slot.suppressed = suppressed;
        slot.domain = track.domain();
        slot.speedKnots = track.speedKnots();
        slot.timeMillis = track.time().toEpochMilli();
        geocentric(track.latitudeDegrees(), track.longitudeDegrees(), slot);
        velocity(track, slot);
    }

    /**
     * A slot for one track outside the grid (in no cube), for judging a single pair as the sweep
     * would: a stream processor keeps the cubes itself (see {@link #cover(Track, Path)}).
     */
    static Slot detached(Track track, Unit unit, boolean suppressed) {
        Slot slot = new Slot(-1, track, unit);
        fill(slot, track, unit, suppressed);
        return slot;
    }

    /** The sorted keys of the cubes {@link #put} would enter a track into, without entering it. */
    long[] cover(Track track, Path path) {
        Slot slot = new Slot(-1, track, new Unit(track.id(), Optional.empty(), Optional.empty(), Optional.empty()));
        geocentric(track.latitudeDegrees(), track.longitudeDegrees(), slot);
        velocity(track, slot);
        scratchSize = 0;
        cover(slot, path, track.domain());
        return Arrays.copyOf(scratch, scratchSize);
    }

    void remove(TargetId id) {
        Slot slot = slots.remove(id);
        if (slot != null) {
            for (int i = 0; i < slot.cellCount; i++) {
                detach(slot.cells[i], slot.positions[i]);
            }
            slot.cellCount = 0;
            if (freeCount == freeIndices.length) {
                freeIndices = Arrays.copyOf(freeIndices, freeCount * 2);
            }
            freeIndices[freeCount++] = slot.index;
        }
    }

    private int takeIndex() {
        return freeCount > 0 ? freeIndices[--freeCount] : nextIndex++;
    }

    Collection<Slot> slots() {
        return slots.values();
    }

    int size() {
        return slots.size();
    }

    /** Cube entries over all slots (a measure of the index's size). */
    long entries() {
        long n = 0;
        for (Slot s : slots.values()) {
            n += s.cellCount;
        }
        return n;
    }

    /** Calls {@code visitor} once with every other slot that shares a cube with {@code slot}. */
    void neighbours(Slot slot, SlotVisitor visitor) {
        long s = ++stamp;
        for (int c = 0; c < slot.cellCount; c++) {
            Cell cell = slot.cells[c];
            for (int i = 0; i < cell.size; i++) {
                Slot other = cell.items[i];
                if (other != slot && other.mark != s) {
                    other.mark = s;
                    visitor.visit(slot, other);
                }
            }
        }
    }

    /** The slots in an array for a sweep, each at its {@code index}; numbers not in use hold null. */
    @Nullable
    Slot[] indexedSlots() {
        @Nullable Slot[] all = new Slot[nextIndex];
        for (Slot s : slots.values()) {
            all[s.index] = s;
        }
        return all;
    }

    /**
     * Calls {@code visitor} once for every slot that shares a cube with {@code a} and has a higher
     * {@link Slot#index}, so that over all slots each pair that shares a cube is offered exactly
     * once. The caller's own {@code marks} (indexed by {@link Slot#index}, one array per thread, at
     * least {@link #indexedSlots} long) remember the partners already offered to {@code a}; the grid
     * itself is only read, so threads may call this at once for different slots. Only the cubes'
     * arrays of numbers are read until a partner is offered.
     */
    void higherPartners(Slot a, int[] marks, SlotVisitor visitor) {
        int own = a.index;
        int stamp = own + 1;
        for (int c = 0; c < a.cellCount; c++) {
            Cell cell = a.cells[c];
            int[] indices = cell.indices;
            Slot[] items = cell.items;
            for (int i = 0; i < cell.size; i++) {
                int b = indices[i];
                if (b > own && marks[b] != stamp) {
                    marks[b] = stamp;
                    visitor.visit(a, items[i]);
                }
            }
        }
    }

    interface SlotVisitor {
        void visit(Slot a, Slot b);
    }

    /**
     * Collects into {@code scratch} the sorted keys of every cube that may touch the capsule. The
     * line is cut into pieces no longer than a cube; for each piece the cubes in its bounding box
     * are kept when their centre lies within radius + half the cube's diagonal of the piece (any
     * point of a cube is that close to its centre, so no touching cube is dropped).
     */
    private void cover(Slot slot, Path path, Domain domain) {
        double cell = cellMetres(domain);
        long domainBit = domain == Domain.AIR ? AIR_BIT : 0;
        double speed = Math.sqrt(slot.vx * slot.vx + slot.vy * slot.vy + slot.vz * slot.vz);
        double span = path.toSeconds() - path.fromSeconds();
        int pieces = Math.max(1, (int) Math.ceil(speed * span / cell));
        double reach = path.radiusMetres() + cell * Math.sqrt(3) / 2;
        double r = path.radiusMetres();
        for (int k = 0; k < pieces; k++) {
            double t0 = path.fromSeconds() + span * k / pieces;
            double t1 = path.fromSeconds() + span * (k + 1) / pieces;
            double ax = slot.x + slot.vx * t0;
            double ay = slot.y + slot.vy * t0;
            double az = slot.z + slot.vz * t0;
            double bx = slot.x + slot.vx * t1;
            double by = slot.y + slot.vy * t1;
            double bz = slot.z + slot.vz * t1;
            int x0 = index(Math.min(ax, bx) - r, cell);
            int x1 = index(Math.max(ax, bx) + r, cell);
            int y0 = index(Math.min(ay, by) - r, cell);
            int y1 = index(Math.max(ay, by) + r, cell);
            int z0 = index(Math.min(az, bz) - r, cell);
            int z1 = index(Math.max(az, bz) + r, cell);
            for (int ix = x0; ix <= x1; ix++) {
                for (int iy = y0; iy <= y1; iy++) {
                    for (int iz = z0; iz <= z1; iz++) {
                        double d = segmentDistance(
                                (ix + 0.5) * cell, (iy + 0.5) * cell, (iz + 0.5) * cell, ax, ay, az, bx, by, bz);
                        if (d <= reach) {
                            add(domainBit | key(ix, iy, iz));
                        }
                    }
                }
            }
        }
        Arrays.sort(scratch, 0, scratchSize);
        int unique = 0;
        for (int i = 0; i < scratchSize; i++) {
            if (unique == 0 || scratch[unique - 1] != scratch[i]) {
                scratch[unique++] = scratch[i];
            }
        }
        scratchSize = unique;
    }

    private void add(long key) {
        if (scratchSize == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchSize++] = key;
    }

    /** Moves a slot from its current cubes to the sorted keys in {@code scratch}, touching only changes. */
    private void move(Slot slot) {
        int n = scratchSize;
        if (n == slot.cellCount && Arrays.equals(slot.keys, 0, n, scratch, 0, n)) {
            return;
        }
        long[] keys = new long[n];
        Cell[] into = new Cell[n];
        int[] positions = new int[n];
        int i = 0;
        int j = 0;
        while (i < slot.cellCount || j < n) {
            long old = i < slot.cellCount ? slot.keys[i] : Long.MAX_VALUE;
            long wanted = j < n ? scratch[j] : Long.MAX_VALUE;
            boolean oldLeft = i < slot.cellCount;
            boolean newLeft = j < n;
            if (oldLeft && (!newLeft || old < wanted)) {
                detach(slot.cells[i], slot.positions[i]);
                i++;
            } else if (oldLeft && old == wanted) {
                keys[j] = old;
                into[j] = slot.cells[i];
                positions[j] = slot.positions[i];
                i++;
                j++;
            } else {
                Cell cell = cells.computeIfAbsent(wanted, Cell::new);
                keys[j] = wanted;
                into[j] = cell;
                positions[j] = attach(cell, slot);
                j++;
            }
        }
        slot.keys = keys;
        slot.cells = into;
        slot.positions = positions;
        slot.cellCount = n;
    }

    private static int attach(Cell cell, Slot slot) {
        if (cell.size == cell.items.length) {
            cell.items = Arrays.copyOf(cell.items, cell.items.length * 2);
            cell.indices = Arrays.copyOf(cell.indices, cell.items.length);
        }
        cell.items[cell.size] = slot;
        cell.indices[cell.size] = slot.index;
        return cell.size++;
    }

    /** Removes the entry at {@code position}; the cube's last entry takes its place. */
    private void detach(Cell cell, int position) {
        int last = --cell.size;
        Slot moved = cell.items[last];
        // items[last] keeps a reference past the end (no nulls in the array); it is overwritten by
        // the next attach, and an emptied cube is dropped with its array.
        if (position != last) {
            cell.items[position] = moved;
            cell.indices[position] = moved.index;
            for (int k = 0; k < moved.cellCount; k++) {
                if (moved.cells[k] == cell) {
                    moved.positions[k] = position;
                    break;
                }
            }
        }
        if (cell.size == 0) {
            cells.remove(cell.key);
        }
    }

    /** Distance from point p to the segment a-b. */
    private static double segmentDistance(
            double px, double py, double pz, double ax, double ay, double az, double bx, double by, double bz) {
        double ux = bx - ax;
        double uy = by - ay;
        double uz = bz - az;
        double wx = px - ax;
        double wy = py - ay;
        double wz = pz - az;
        double uu = ux * ux + uy * uy + uz * uz;
        double t = uu > 0 ? Math.max(0, Math.min(1, (wx * ux + wy * uy + wz * uz) / uu)) : 0;
        double dx = wx - ux * t;
        double dy = wy - uy * t;
        double dz = wz - uz * t;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    private static int index(double metres, double cell) {
        return (int) Math.floor(metres / cell);
    }

    /** Chord distance between two slots' positions, each moved on its geocentric line. */
    static double chordMetres(Slot a, Slot b, double dtA, double dtB) {
        double dx = b.x + b.vx * dtB - a.x - a.vx * dtA;
        double dy = b.y + b.vy * dtB - a.y - a.vy * dtA;
        double dz = b.z + b.vz * dtB - a.z - a.vz * dtA;
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
        double speed = t.speedKnots() * Rules.METRES_PER_NM / 3600;
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
}
