package org.parley.encounter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.jspecify.annotations.Nullable;
import org.parley.track.Domain;
import org.parley.track.PositionReport;
import org.parley.track.RejectReason;
import org.parley.track.TargetId;
import org.parley.track.Track;
import org.parley.track.TrackTable;
import org.parley.track.TrackUpdate;

/**
 * The encounter watch: position reports in, encounter events out. Each report updates its track
 * and the grid and is checked against its neighbours at once; {@link #sweep} checks every pair
 * once, forgets stale tracks and closes encounters that have stayed clear.
 *
 * <p>Not thread-safe: one engine belongs to one feed loop (or one Flink key group). A sweep of
 * more than a few thousand tracks spreads the pair geometry, the rules and the updates of open
 * encounters over one virtual thread per processor, and opens new encounters and emits the events
 * on the calling thread.
 */
public final class EncounterEngine {
    private static final double SUPPRESS_BELOW_KNOTS = 3;
    private static final double KNOT = Rules.METRES_PER_NM / 3600;
    private static final Duration MAX_LATENESS = Duration.ofMinutes(5);
    /** Sweeps run every 10 s of feed time: a tenth of the shortest alert lead the rules aim at (docs/detection.md). */
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(10);
    /**
     * Margin of the straight-line CPA bound for ships over its known errors: the plane geometry is
     * within 3 m of the geodesic reference (PairGeometryTest) and a chord of 5 km stands about 2 m
     * off the plane; the rest is spare.
     */
    private static final double ROUGH_MARGIN_METRES = 100;
    /** Below this many tracks a sweep runs on the calling thread alone. */
    private static final int PARALLEL_FROM_TRACKS = 4_096;
    /** Slots per unit of work the sweep workers take in turn. */
    private static final int CHUNK_SLOTS = 1_024;
    /** Slack for the ENU plane against geocentric chords (metres at the ranges that alert). */
    private static final double PLANE_SLACK_METRES = 25;
    /**
     * Smallest radius of curvature of the WGS84 ellipsoid, a(1 - e^2) (meridian at the equator),
     * rounded down: a geodesic leaves its tangent line by at most s^2 / (2 R) after s metres.
     */
    private static final double MIN_CURVATURE_RADIUS_METRES = 6.3e6;

    private final EncounterConfig config;
    private final Rules rules;
    private final HotlineGate gate;
    /** HOTLINE judgements the gate withheld, by reason; sweep workers add to it concurrently. */
    private final Map<String, LongAdder> withheld = new ConcurrentHashMap<>();

    private final TrackTable tracks;
    private final Attribution attribution;
    private final GridIndex grid;
    private final OpenEncounters<Encounter> open = new OpenEncounters<>();
    private final List<Encounter> closed = new ArrayList<>();
    private final Trails trails;
    private final PairGeometry geometry = new PairGeometry();
    private final Map<TargetId, Unit> units = new HashMap<>();
    private SweepStats lastSweep = new SweepStats(0, 0, 0, Duration.ZERO);
    private long pairsOffered;
    private long pairsSolved;
    private Instant latest = Instant.EPOCH.minus(Duration.ofDays(365L * 100));
    private long lateReports;
    /** The next 10-second mark of feed time to sweep at; null until the feed's first time is seen. */
    private @Nullable Instant nextSweep;

    /**
     * An open encounter's key: the two targets' numeric keys (in target order), as {@link
     * OpenEncounters} takes them.
     */
    private record PairKey(long a, long b) {
        PairKey(TargetId a, TargetId b) {
            this(numeric(a), numeric(b));
        }

        PairKey(Encounter e) {
            this(e.a.id(), e.b.id());
        }

        /** Distinct for every target: ICAO addresses below 2^24, MMSIs above 2^32. */
        private static long numeric(TargetId id) {
            return id instanceof TargetId.IcaoAddress icao ? icao.value() : (1L << 32) + ((TargetId.Mmsi) id).value();
        }
    }

    public EncounterEngine(EncounterConfig config) {
        this(config, Trails.DEFAULT_POINTS);
    }

    EncounterEngine(EncounterConfig config, int trailPoints) {
        this.config = config;
        this.rules = new Rules(config);
        this.gate = new HotlineGate(config.confirmation(), config.sea());
        this.tracks = new TrackTable();
        this.attribution = new Attribution(StateTables.standard(), config.parties());
        this.grid = new GridIndex(seaCellMetres(config, rules), airCellMetres(config, rules));
        this.trails = new Trails(trailPoints);
    }

    /**
     * Cube sides of the grid. A ship's capsule is about one alert distance wide, so cubes of that
     * size hold a ship lying still in a few cubes; aircraft capsules are wider by what the aircraft
     * covers over the look-ahead, and get cubes to match. Any side is correct (see {@link
     * GridIndex}); these keep the cube entries per unit and the pairs per cube both small.
     */
    static double seaCellMetres(EncounterConfig config, Rules rules) {
        return reachMetres(config, rules, Domain.SEA) + ROUGH_MARGIN_METRES;
    }

    static double airCellMetres(EncounterConfig config, Rules rules) {
        return reachMetres(config, rules, Domain.AIR)
                + config.sweep().airMaxClosureKnots() * KNOT * rules.horizonSeconds(Domain.AIR) / 2;
    }

    /**
     * The farthest apart two units may pass and still be at some level: the alert distance, widened
     * by the hysteresis exit factor so that an open encounter keeps being observed while it holds.
     */
    private static double reachMetres(EncounterConfig config, Rules rules, Domain domain) {
        return rules.alertDistanceMetres(domain)
                * Math.max(1, config.hysteresis().exitFactor());
    }

    /** Applies one report and returns the events it caused (often none). Never throws on content. */
    public List<EncounterEvent> onReport(PositionReport report) {
        // A report far behind the feed (a receiver with a wrong clock) would drag every neighbour
        // back in time with it; such reports are counted and dropped.
        if (report.time().isBefore(latest.minus(MAX_LATENESS))) {
            lateReports++;
            return List.of();
        }
        if (report.time().isAfter(latest)) {
            latest = report.time();
        }
        TrackUpdate update = tracks.update(report);
        if (!(update instanceof TrackUpdate.Accepted accepted)) {
            return List.of();
        }
        Track track = accepted.track();
        trails.add(track);
        GridIndex.Slot slot = index(track);
        List<EncounterEvent> out = new ArrayList<>();
        Instant now = track.time();
        grid.neighbours(slot, (p, q) -> {
            if (!q.track.isStale(now)) {
                evaluate(p, q, now, out);
            }
        });
        return out;
    }

    /**
     * Moves feed time to {@code feedTime}: sweeps at every 10-second mark of feed time it has
     * reached since the last call, oldest first, and returns what those sweeps found. Every feed
     * loop (replay, demo, live watch) calls this with each report's time before {@link #onReport},
     * so all of them sweep on the same cadence; the first call only starts the cadence. A time
     * before the last one (a late report) sweeps nothing.
     */
    public List<EncounterEvent> advanceTo(Instant feedTime) {
        Instant mark = nextSweep;
        if (mark == null) {
            nextSweep = feedTime.plus(SWEEP_EVERY);
            return List.of();
        }
        List<EncounterEvent> out = new ArrayList<>();
        while (!feedTime.isBefore(mark)) {
            out.addAll(sweep(mark));
            mark = mark.plus(SWEEP_EVERY);
        }
        nextSweep = mark;
        return out;
    }

    /**
     * Checks every pair once at {@code now}, drops stale tracks and closes clear encounters. The
     * grid covers each track from five minutes before its report to the end of its allowed silence,
     * so {@code now} should not lie more than five minutes before the newest report (a feed loop's
     * clock never does).
     */
    public List<EncounterEvent> sweep(Instant now) {
        long start = System.nanoTime();
        dropStale(now);
        GridIndex.@Nullable Slot[] all = grid.indexedSlots();
        Chunk[] chunks = new Chunk[(all.length + CHUNK_SLOTS - 1) / CHUNK_SLOTS];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new Chunk(c * CHUNK_SLOTS, Math.min(all.length, (c + 1) * CHUNK_SLOTS));
        }
        AtomicInteger next = new AtomicInteger();
        int workers =
                grid.size() < PARALLEL_FROM_TRACKS ? 1 : Runtime.getRuntime().availableProcessors();
        List<SweepWorker> crew = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            crew.add(new SweepWorker(all, chunks, next, now));
        }
        if (workers == 1) {
            crew.get(0).run();
        } else {
            runAll(crew);
        }
        // Opening encounters changes the table, and the events must not depend on the threads: one
        // thread, in slot order, whatever the number of workers and whichever took a chunk.
        List<EncounterEvent> out = new ArrayList<>();
        for (Chunk chunk : chunks) {
            for (Outcome o : chunk.outcomes) {
                switch (o) {
                    case Judged j -> record(j, now, out);
                    case Escalated e -> out.add(e.event());
                }
            }
        }
        long offered = 0;
        long solved = 0;
        for (SweepWorker worker : crew) {
            offered += worker.offered;
            solved += worker.solved;
        }
        pairsOffered += offered;
        pairsSolved += solved;
        closeClear(now, config.hysteresis().clearAfter(), out);
        lastSweep = new SweepStats(grid.size(), offered, solved, Duration.ofNanos(System.nanoTime() - start));
        return out;
    }

    /** One pair after the geometry, waiting to be judged. */
    private record Solved(
            Domain domain, GridIndex.Slot first, GridIndex.Slot second, Motion ma, Motion mb, PairSolution s) {}

    /**
     * A solved pair with its levels: to enter ({@code entry}) and, when open, to stay ({@code hold});
     * {@code current} is its open encounter as the judge found it (a pair is judged once per sweep,
     * so recording needs no second lookup).
     */
    private record Judged(
            Solved solved,
            PairKey key,
            Optional<Level> entry,
            Optional<Level> hold,
            @Nullable Encounter current) implements Outcome {}

    /** What the calling thread still has to do for a pair of a sweep, in slot order. */
    private sealed interface Outcome permits Judged, Escalated {}

    /** An open encounter a worker updated that rose to a new worst level. */
    private record Escalated(EncounterEvent event) implements Outcome {}

    /** A run of slot numbers [from, to) taken by one worker, with the pairs it judged in order. */
    private static final class Chunk {
        final int from;
        final int to;
        final List<Outcome> outcomes = new ArrayList<>();

        Chunk(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    /**
     * Takes chunks of slots until none is left and puts each chunk's pairs (those whose lower-numbered
     * slot is in it) through the cheap bounds, the geometry and the rules. Chunks rather than one
     * half per core: slot i offers only partners above i, so halves would be unequal, and on a
     * shared machine a worker that loses its core would hold up the sweep. Reads the grid, the
     * tracks and the table of open encounters (nothing changes them while workers run), and
     * updates the open encounters of its own pairs (each pair is offered once per sweep, so no
     * other thread touches them); its own marks and plane.
     */
    private final class SweepWorker implements Runnable, GridIndex.SlotVisitor {
        private final GridIndex.@Nullable Slot[] all;
        private final Chunk[] chunks;
        private final AtomicInteger next;
        private final Instant now;
        private final int[] marks;
        private final PairGeometry work = new PairGeometry();
        private List<Outcome> into = List.of();
        long offered;
        long solved;

        SweepWorker(GridIndex.@Nullable Slot[] all, Chunk[] chunks, AtomicInteger next, Instant now) {
            this.all = all;
            this.chunks = chunks;
            this.next = next;
            this.now = now;
            this.marks = new int[all.length];
        }

        @Override
        public void run() {
            for (int c = next.getAndIncrement(); c < chunks.length; c = next.getAndIncrement()) {
                Chunk chunk = chunks[c];
                into = chunk.outcomes;
                for (int i = chunk.from; i < chunk.to; i++) {
                    GridIndex.Slot slot = all[i];
                    if (slot != null) {
                        grid.higherPartners(slot, marks, this);
                    }
                }
            }
        }

        @Override
        public void visit(GridIndex.Slot p, GridIndex.Slot q) {
            offered++;
            if (worthSolving(p, q, now)) {
                solved++;
                Judged j = judge(solve(p, q, now, work));
                if (j == null) {
                    return;
                }
                // An open encounter is touched by this pair alone in a sweep, so the worker updates
                // it; only opening one (the table changes) waits for the calling thread.
                Encounter current = j.current();
                if (current == null) {
                    into.add(j);
                } else {
                    EncounterEvent escalated = observe(current, j, now);
                    if (escalated != null) {
                        into.add(new Escalated(escalated));
                    }
                }
            }
        }
    }

    private static void runAll(List<SweepWorker> crew) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepWorker worker : crew) {
                futures.add(executor.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EncounterException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new EncounterException("sweep worker failed: " + e.getCause(), e);
        }
    }

    private void dropStale(Instant now) {
        List<TargetId> stale = new ArrayList<>();
        for (GridIndex.Slot s : grid.slots()) {
            if (s.track.isStale(now)) {
                stale.add(s.track.id());
            }
        }
        stale.forEach(grid::remove);
        tracks.expire(now);
    }

    /** Tracks and indexes a report without evaluating it (benchmarks, and tests of the sweep). */
    void index(PositionReport report) {
        if (tracks.update(report) instanceof TrackUpdate.Accepted accepted) {
            index(accepted.track());
        }
    }

    /**
     * The O(n^2) reference: every pair of live tracks, no grid. Same evaluation as {@link #sweep}
     * (incidents are judged, but not closed).
     */
    List<EncounterEvent> sweepAllPairs(Instant now) {
        long start = System.nanoTime();
        dropStale(now);
        long offered = pairsOffered;
        long solved = pairsSolved;
        List<GridIndex.Slot> all = new ArrayList<>(grid.slots());
        List<EncounterEvent> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                evaluate(all.get(i), all.get(j), now, out);
            }
        }
        lastSweep = new SweepStats(
                all.size(), pairsOffered - offered, pairsSolved - solved, Duration.ofNanos(System.nanoTime() - start));
        return out;
    }

    /**
     * The sorted keys of the grid cubes {@link #onReport} would enter this track into; empty when
     * the track is suppressed (never paired). For {@link PairWatch}.
     */
    long[] cubes(Track track) {
        return suppressed(track) ? new long[0] : grid.cover(track, path(track));
    }

    /**
     * Judges one pair alone at {@code now} against its open encounter, as {@link #onReport} and
     * {@link #sweep} judge a pair (cheap bounds, geometry, rules, hysteresis), adding its event to
     * {@code out}; returns the pair's encounter afterwards, if any. For {@link PairWatch}: this
     * engine holds no tracks or encounters of its own between calls.
     */
    @Nullable
    Encounter judgePair(@Nullable Encounter current, Track a, Track b, Instant now, List<EncounterEvent> out) {
        GridIndex.Slot p = GridIndex.detached(a, attribution.unit(a.id()), suppressed(a));
        GridIndex.Slot q = GridIndex.detached(b, attribution.unit(b.id()), suppressed(b));
        PairKey key = a.id().compareTo(b.id()) <= 0 ? new PairKey(a.id(), b.id()) : new PairKey(b.id(), a.id());
        if (current != null) {
            open.put(key.a(), key.b(), current);
        }
        try {
            evaluate(p, q, now, out);
            return open.get(key.a(), key.b());
        } finally {
            open.remove(key.a(), key.b());
        }
    }

    /**
     * The engine's cheap bounds on a pair at {@code now}: false when the pair cannot be at any level
     * within the horizon, so judging it would change nothing. For {@link PairWatch}.
     */
    boolean mayMeet(Track a, Track b, Instant now) {
        return worthSolving(
                GridIndex.detached(a, attribution.unit(a.id()), suppressed(a)),
                GridIndex.detached(b, attribution.unit(b.id()), suppressed(b)),
                now);
    }

    /**
     * Closes one encounter as a sweep at {@code now} would (clear for the hysteresis time) or at once
     * ({@code force}, as {@link #closeAll}); true when it closed. For {@link PairWatch}.
     */
    boolean closePair(Encounter e, Instant now, boolean force, List<EncounterEvent> out) {
        PairKey key = new PairKey(e);
        open.put(key.a(), key.b(), e);
        closeClear(
                now, force ? Duration.ZERO.minusNanos(1) : config.hysteresis().clearAfter(), out);
        closed.remove(e);
        return !open.remove(key.a(), key.b());
    }

    /** Closes every open encounter (end of a replay). */
    public List<EncounterEvent> closeAll(Instant now) {
        List<EncounterEvent> out = new ArrayList<>();
        closeClear(now, Duration.ZERO.minusNanos(1), out);
        return out;
    }

    private void closeClear(Instant now, Duration clearAfter, List<EncounterEvent> out) {
        for (Encounter e : open.values()) {
            if (clearAfter.isNegative() || e.clearSince(now, clearAfter)) {
                e.close(now);
                out.add(e.event(EncounterEvent.Kind.CLOSED, now));
                closed.add(e);
                PairKey key = new PairKey(e);
                open.remove(key.a(), key.b());
            }
        }
    }

    private GridIndex.Slot index(Track track) {
        Unit unit = units.computeIfAbsent(track.id(), attribution::unit);
        return grid.put(track, unit, suppressed(track), path(track));
    }

    /**
     * The capsule a track covers in the grid, chosen so that every pair that passes the bounds in
     * {@link #evaluate} shares a cube (so the grid sweep finds what the all-pairs sweep finds).
     *
     * <p>A pair is evaluated at an instant between {@link #MAX_LATENESS} before a report (a later
     * report of the other unit arrived first) and the end of the track's allowed silence. Ships:
     * the geocentric straight-line CPA over the horizon must be within reach + margin + the
     * curvature allowance of each line, so each ship's line over [-lateness, silence + horizon] is
     * thickened by half of reach + margin and by its own largest allowance. Aircraft (tau rules, not miss
     * distance): the units' positions now must be within reach plus what both cover over the
     * horizon, so each line over [-lateness, silence] is thickened by half the reach, its own
     * horizon travel and its curvature allowance.
     */
    private GridIndex.Path path(Track track) {
        Domain domain = track.domain();
        double speed = track.speedKnots() * KNOT;
        double horizon = rules.horizonSeconds(domain);
        double late = MAX_LATENESS.toSeconds();
        double silence = track.silenceAllowed().toMillis() / 1000.0;
        double reach = reachMetres(config, rules, domain);
        double farthest = speed * Math.max(late, silence);
        return switch (domain) {
            case SEA ->
                new GridIndex.Path(
                        -late,
                        silence + horizon,
                        (reach + ROUGH_MARGIN_METRES) / 2 + curvatureMetres(farthest + speed * horizon) + 1);
            case AIR ->
                new GridIndex.Path(
                        -late,
                        silence,
                        reach / 2 + PLANE_SLACK_METRES + speed * horizon + curvatureMetres(farthest) + 1);
        };
    }

    /** How far a geodesic can leave its tangent line after {@code metres}. */
    private static double curvatureMetres(double metres) {
        return metres * metres / (2 * MIN_CURVATURE_RADIUS_METRES);
    }

    private boolean suppressed(Track t) {
        if (t.domain() != Domain.SEA) {
            return false;
        }
        EncounterConfig.Suppression s = config.suppression();
        boolean status = t.navigationStatus().isPresent()
                && s.navigationStatuses().contains(t.navigationStatus().getAsInt())
                && t.speedKnots() < SUPPRESS_BELOW_KNOTS;
        boolean type =
                t.shipType().isPresent() && s.shipTypes().contains(t.shipType().getAsInt());
        return status || type || inHarbour(t, s);
    }

    private static boolean inHarbour(Track t, EncounterConfig.Suppression s) {
        for (EncounterConfig.HarbourZone z : s.harbours()) {
            double d = Geodesic.WGS84.Inverse(
                            z.latitudeDegrees(),
                            z.longitudeDegrees(),
                            t.latitudeDegrees(),
                            t.longitudeDegrees(),
                            GeodesicMask.DISTANCE)
                    .s12;
            if (d <= z.radiusNm() * Rules.METRES_PER_NM) {
                return true;
            }
        }
        return false;
    }

    private void evaluate(GridIndex.Slot p, GridIndex.Slot q, Instant now, List<EncounterEvent> out) {
        pairsOffered++;
        if (worthSolving(p, q, now)) {
            pairsSolved++;
            Judged judged = judge(solve(p, q, now, geometry));
            if (judged != null) {
                record(judged, now, out);
            }
        }
    }

    /**
     * The cheap bounds: false when the pair cannot be at any level within the horizon, so the
     * ellipsoid geometry is not needed. {@link #path} depends on these bounds: change them together.
     */
    private boolean worthSolving(GridIndex.Slot p, GridIndex.Slot q, Instant now) {
        // The slots' copies of domain, speed and report time: no reference to the tracks followed
        // for the millions of pairs offered and discarded here.
        if (p.domain != q.domain || p.suppressed || q.suppressed) {
            return false;
        }
        Domain domain = p.domain;
        double horizon = rules.horizonSeconds(domain);
        double stopped = config.suppression().stoppedBelowKnots();
        if (domain == Domain.SEA && p.speedKnots < stopped && q.speedKnots < stopped) {
            return false;
        }
        double va = p.speedKnots * KNOT;
        double vb = q.speedKnots * KNOT;
        long nowMillis = now.toEpochMilli();
        double dta = (nowMillis - p.timeMillis) / 1000.0;
        double dtb = (nowMillis - q.timeMillis) / 1000.0;
        double reach = reachMetres(config, rules, domain);
        // Both moved to now on their tangent lines: apart by more than reach plus what both cover
        // over the horizon (plus how far the lines may be from the ellipsoid), they cannot alert.
        double bound = reach
                + PLANE_SLACK_METRES
                + (va + vb) * horizon
                + curvatureMetres(va * Math.abs(dta))
                + curvatureMetres(vb * Math.abs(dtb));
        if (GridIndex.chordMetres(p, q, dta, dtb) > bound) {
            return false;
        }
        if (domain == Domain.AIR) {
            return true; // aircraft alert on tau, not on miss distance
        }
        // Ships: straight-line CPA in geocentric space. Each tangent line stays within s^2 / (2 R)
        // of the ship's geodesic after s metres (mostly upwards, which only lengthens the chord), so
        // a pair that comes within reach on the ellipsoid comes within reach + both allowances +
        // margin on the lines.
        double rough = GridIndex.roughCpaMetres(p, q, dta, dtb, horizon);
        double allowance =
                curvatureMetres(va * (Math.abs(dta) + horizon)) + curvatureMetres(vb * (Math.abs(dtb) + horizon));
        return rough <= reach + ROUGH_MARGIN_METRES + allowance;
    }

    /** The geometry of a pair, in target order (so the pair key and the events do not depend on who came first). */
    private Solved solve(GridIndex.Slot p, GridIndex.Slot q, Instant now, PairGeometry work) {
        boolean swap = p.track.id().compareTo(q.track.id()) > 0;
        GridIndex.Slot first = swap ? q : p;
        GridIndex.Slot second = swap ? p : q;
        Motion ma = motion(first, now);
        Motion mb = motion(second, now);
        Domain domain = first.track.domain();
        return new Solved(domain, first, second, ma, mb, work.solve(ma, mb, rules.horizonSeconds(domain)));
    }

    /**
     * The slot's motion at {@code now}, computed once for all the pairs it is in. Sweep workers call
     * this concurrently: a Motion is immutable, so the unlocked read and write are safe.
     */
    private static Motion motion(GridIndex.Slot slot, Instant now) {
        Motion m = slot.motion;
        if (m != null && m.version == slot.version && m.at.equals(now)) {
            return m;
        }
        m = new Motion(kinematics(slot.track, now), slot.version, now);
        slot.motion = m;
        return m;
    }

    /**
     * The rules on a solved pair: null when it is at no level and has no open encounter (nothing
     * to record). Reads the open encounters without changing them, so sweep workers may call it.
     */
    private @Nullable Judged judge(Solved solved) {
        Unit a = solved.first().unit;
        Unit b = solved.second().unit;
        Kinematics ka = solved.ma().kinematics();
        Kinematics kb = solved.mb().kinematics();
        boolean foreign = Attribution.foreign(a, b);
        double meanAltitude = (ka.altitudeFeet() + kb.altitudeFeet()) / 2;
        if (Double.isNaN(meanAltitude)) {
            meanAltitude = Double.isNaN(ka.altitudeFeet()) ? kb.altitudeFeet() : ka.altitudeFeet();
        }
        Optional<Level> entry =
                confirmed(solved, rules.classify(solved.domain(), solved.s(), foreign, meanAltitude, 1));
        PairKey key = new PairKey(a.id(), b.id());
        Encounter current = open.get(key.a(), key.b());
        if (current == null) {
            return entry.isEmpty() ? null : new Judged(solved, key, entry, Optional.empty(), null);
        }
        Optional<Level> hold = confirmed(
                solved,
                rules.classify(
                        solved.domain(),
                        solved.s(),
                        foreign,
                        meanAltitude,
                        config.hysteresis().exitFactor()));
        return new Judged(solved, key, entry, hold, current);
    }

    /** A HOTLINE by geometry that the gate withholds is UNSAFE (issue 17, docs/detection.md). */
    private Optional<Level> confirmed(Solved solved, Optional<Level> level) {
        if (level.isEmpty() || level.get() != Level.HOTLINE) {
            return level;
        }
        Optional<String> reason = gate.withheld(
                solved.domain(),
                solved.first().track,
                solved.second().track,
                solved.ma().kinematics(),
                solved.mb().kinematics(),
                solved.s());
        if (reason.isEmpty()) {
            return level;
        }
        withheld.computeIfAbsent(reason.get(), r -> new LongAdder()).increment();
        return Optional.of(Level.UNSAFE);
    }

    /** Opens or updates the pair's encounter; opening on the engine's own thread only. */
    private void record(Judged judged, Instant now, List<EncounterEvent> out) {
        Encounter e = judged.current();
        if (e != null) {
            EncounterEvent escalated = observe(e, judged, now);
            if (escalated != null) {
                out.add(escalated);
            }
            return;
        }
        if (judged.entry().isPresent()) {
            Solved solved = judged.solved();
            e = new Encounter(
                    solved.domain(),
                    solved.first().unit,
                    solved.second().unit,
                    judged.entry().get(),
                    gate.persistSeconds(solved.domain()),
                    now,
                    solved.s(),
                    positionA(solved),
                    positionB(solved));
            open.put(judged.key().a(), judged.key().b(), e);
            out.add(e.event(EncounterEvent.Kind.OPENED, now));
        }
    }

    /**
     * Updates an open encounter with a judged pair; the ESCALATED event when it rose to a new worst
     * level. Touches that encounter only, so a sweep worker may call it for its own pairs.
     */
    private static @Nullable EncounterEvent observe(Encounter e, Judged judged, Instant now) {
        Solved solved = judged.solved();
        return e.observe(now, judged.entry(), judged.hold(), solved.s(), positionA(solved), positionB(solved))
                ? e.event(EncounterEvent.Kind.ESCALATED, now)
                : null;
    }

    private static GeoPoint positionA(Solved solved) {
        Kinematics k = solved.ma().kinematics();
        return new GeoPoint(k.latitudeDegrees(), k.longitudeDegrees());
    }

    private static GeoPoint positionB(Solved solved) {
        Kinematics k = solved.mb().kinematics();
        return new GeoPoint(k.latitudeDegrees(), k.longitudeDegrees());
    }

    /** The track moved on its geodesic from its report time to {@code now}. */
    private static Kinematics kinematics(Track t, Instant now) {
        double dt = seconds(t.time(), now);
        double speed = t.speedKnots() * KNOT;
        double lat = t.latitudeDegrees();
        double lon = t.longitudeDegrees();
        if (dt != 0 && speed > 0) {
            GeodesicData d = Geodesic.WGS84.Direct(
                    lat, lon, t.courseDegrees(), speed * dt, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
            lat = d.lat2;
            lon = d.lon2;
        }
        double rate = t.verticalRateFeetPerMinute().orElse(0) / 60;
        double altitude = t.altitudeFeet().isPresent() ? t.altitudeFeet().getAsDouble() + rate * dt : Double.NaN;
        return new Kinematics(lat, normaliseLongitude(lon), speed, t.courseDegrees(), altitude, rate);
    }

    private static double normaliseLongitude(double lon) {
        double l = ((lon + 180) % 360 + 360) % 360 - 180;
        return l == -180 && lon > 0 ? 180 : l;
    }

    /** Seconds from one instant to another, to the millisecond, without allocating. */
    private static double seconds(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
    }

    /** Reports refused by the track table, by reason. */
    public Map<RejectReason, Long> rejectCounts() {
        return tracks.rejectCounts();
    }

    /**
     * Judgements in HOTLINE geometry that stayed UNSAFE because the situation was not confirmed,
     * by reason ("track history", "not under way", "parallel or overtaking traffic", "port or
     * anchorage"); a pair is judged at every sweep and report, so one pair counts many times. The
     * unconfirmed persistence is not counted here (the encounter keeps it).
     */
    public Map<String, Long> withheldHotlines() {
        Map<String, Long> out = new java.util.TreeMap<>();
        withheld.forEach((reason, n) -> out.put(reason, n.sum()));
        return out;
    }

    /** Reports dropped because they were more than five minutes behind the newest one seen. */
    public long lateReports() {
        return lateReports;
    }

    /** Tracks currently indexed. */
    public int trackCount() {
        return grid.size();
    }

    /** Statistics of the last {@link #sweep}. */
    public SweepStats lastSweep() {
        return lastSweep;
    }

    /** Cube side of the grid for a domain, metres. */
    public double cellMetres(Domain domain) {
        return grid.cellMetres(domain);
    }

    /** The indexed slots (benchmarks measure the fleet's density with them). */
    java.util.Collection<GridIndex.Slot> slotsForBenchmark() {
        return grid.slots();
    }

    /** Cube entries in the grid over all tracks (each track is in every cube its path touches). */
    public long gridEntries() {
        return grid.entries();
    }

    /** The unit a target is attributed to under this engine's parties. */
    public Unit unit(TargetId id) {
        return units.computeIfAbsent(id, attribution::unit);
    }

    /** GeoJSON FeatureCollection (RFC 7946): track trails and each encounter's closest approach. */
    public String geoJson() {
        List<Encounter> all = new ArrayList<>(closed);
        all.addAll(open.values());
        return GeoJsonExport.write(trails, units, all);
    }

    /** A CAP 1.2 alert (OASIS Common Alerting Protocol) for one event, signed off by {@code sender}. */
    public static String capAlert(EncounterEvent event, String sender) {
        return CapAlert.of(event, sender).xml();
    }
}
