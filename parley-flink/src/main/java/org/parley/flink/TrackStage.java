package org.parley.flink;

import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.jspecify.annotations.Nullable;
import org.parley.encounter.PairWatch;
import org.parley.track.Track;
import org.parley.track.TrackTable;
import org.parley.track.TrackUpdate;

/**
 * Keyed by target: the track table's state for one target, and the fan-out of each accepted track
 * to every cube its path covers ({@link PairWatch#cubes}), with a leave for each cube it no longer
 * covers. A track the engine would have forgotten at a sweep (stale then) starts afresh, and its
 * cubes have dropped it at that sweep too.
 */
final class TrackStage extends TimeOrdered<Long, Messages.Report, Messages.CubeEntry> {
    private static final long serialVersionUID = 1L;

    /** Reports that came after the watermark had passed them: counted, and dropped. */
    static final OutputTag<Messages.Report> LATE = new OutputTag<>("late", TypeInformation.of(Messages.Report.class));

    private transient @Nullable PairWatch watch;
    private transient ValueState<TrackTable> table;
    private transient ValueState<long[]> cubes;
    static final String LATE_ACCUMULATOR = "lateReports";
    static final String REFUSED_ACCUMULATOR = "refusedReports";
    private final org.apache.flink.api.common.accumulators.LongCounter late =
            new org.apache.flink.api.common.accumulators.LongCounter();
    private final org.apache.flink.api.common.accumulators.LongCounter refusedTotal =
            new org.apache.flink.api.common.accumulators.LongCounter();
    private transient Counter lateReports;
    private transient Counter refused;

    TrackStage(WatchSettings settings) {
        super(Messages.Report.class, settings);
    }

    @Override
    public void open(OpenContext context) throws Exception {
        super.open(context);
        watch = new PairWatch(settings.config());
        table = getRuntimeContext().getState(new ValueStateDescriptor<>("track", TypeInformation.of(TrackTable.class)));
        cubes = getRuntimeContext().getState(new ValueStateDescriptor<>("cubes", TypeInformation.of(long[].class)));
        lateReports = getRuntimeContext().getMetricGroup().counter("lateReports");
        refused = getRuntimeContext().getMetricGroup().counter("refusedReports");
        getRuntimeContext().addAccumulator(LATE_ACCUMULATOR, late);
        getRuntimeContext().addAccumulator(REFUSED_ACCUMULATOR, refusedTotal);
    }

    @Override
    void late(Messages.Report in, Context ctx) {
        lateReports.inc();
        late.add(1);
        ctx.output(LATE, in);
    }

    @Override
    void fire(long t, List<Messages.Report> reports, OnTimerContext ctx, Collector<Messages.CubeEntry> out)
            throws Exception {
        PairWatch w = java.util.Objects.requireNonNull(watch);
        for (Messages.Report r : reports) {
            TrackTable tracks = table.value();
            long[] before = cubes.value();
            if (before == null) {
                before = new long[0];
            }
            // The engine forgets a track at the first sweep at which it is stale (TrackTable.expire,
            // and the grid drops it): the last sweep before this report decides.
            long sweep = settings.sweepBefore(t);
            if (tracks != null && sweep != Long.MIN_VALUE) {
                tracks.expire(java.time.Instant.ofEpochMilli(sweep));
                if (tracks.size() == 0) {
                    before = new long[0];
                }
            }
            if (tracks == null) {
                tracks = new TrackTable();
            }
            TrackUpdate update = tracks.update(r.report());
            table.update(tracks);
            if (!(update instanceof TrackUpdate.Accepted accepted)) {
                refused.inc();
                refusedTotal.add(1);
                continue;
            }
            Track track = accepted.track();
            long[] now = w.cubes(track);
            long key = ctx.getCurrentKey();
            for (long c : before) {
                if (Arrays.binarySearch(now, c) < 0) {
                    out.collect(new Messages.CubeEntry(c, r.seq(), key, true, track, now));
                }
            }
            for (long c : now) {
                out.collect(new Messages.CubeEntry(c, r.seq(), key, false, track, now));
            }
            cubes.update(now);
        }
    }
}
