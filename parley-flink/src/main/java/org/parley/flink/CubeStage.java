package org.parley.flink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * Keyed by grid cube: the tracks whose paths cover the cube, paired where the engine's grid pairs
 * them. On a report, the reporting track against every other live track here; at each sweep, every
 * pair here. A pair is offered only by the lowest cube both paths cover, so it is judged once
 * however many cubes the two share.
 */
final class CubeStage extends TimeOrdered<Long, Messages.CubeEntry, Messages.PairObservation> {
    private static final long serialVersionUID = 1L;

    /** The tracks here by target: their latest entry (track and every cube its path covers). */
    private transient MapState<Long, Messages.CubeEntry> members;

    private transient org.parley.encounter.@org.jspecify.annotations.Nullable PairWatch watch;

    CubeStage(WatchSettings settings) {
        super(Messages.CubeEntry.class, settings);
    }

    @Override
    public void open(OpenContext context) throws Exception {
        super.open(context);
        members = getRuntimeContext()
                .getMapState(
                        new MapStateDescriptor<>("members", Types.LONG, TypeInformation.of(Messages.CubeEntry.class)));
        watch = new org.parley.encounter.PairWatch(settings.config());
    }

    private org.parley.encounter.PairWatch watch() {
        return java.util.Objects.requireNonNull(watch);
    }

    @Override
    public void processElement(Messages.CubeEntry in, Context ctx, Collector<Messages.PairObservation> out)
            throws Exception {
        super.processElement(in, ctx, out);
        long sweep = settings.sweepAtOrAfter(ctx.timestamp());
        if (sweep < settings.endMillis()) {
            ctx.timerService().registerEventTimeTimer(sweep);
        }
    }

    @Override
    void late(Messages.CubeEntry in, Context ctx) {
        throw new IllegalStateException(
                "a cube entry behind the watermark (the track stage emits in time order): " + in);
    }

    @Override
    void fire(long t, List<Messages.CubeEntry> entries, OnTimerContext ctx, Collector<Messages.PairObservation> out)
            throws Exception {
        long cube = ctx.getCurrentKey();
        Instant now = Instant.ofEpochMilli(t);
        for (Messages.CubeEntry e : entries) {
            if (e.leave()) {
                members.remove(e.target());
                continue;
            }
            Messages.CubeEntry p = e;
            members.put(e.target(), p);
            for (Messages.CubeEntry q : members.values()) {
                if (q.target() != p.target()
                        && !q.track().isStale(now)
                        && Messages.lowestShared(p.cubes(), q.cubes(), cube)
                        && watch().mayMeet(p.track(), q.track(), now)) {
                    out.collect(new Messages.PairObservation(
                            Messages.pairKey(p.track().id(), q.track().id()), e.seq(), p.track(), q.track()));
                }
            }
        }
        if (settings.isSweep(t)) {
            sweep(cube, now, out);
            if (!members.isEmpty()) {
                ctx.timerService().registerEventTimeTimer(t + settings.everyMillis());
            }
        }
    }

    /** The engine's sweep over this cube: stale tracks dropped, then every pair this cube offers. */
    private void sweep(long cube, Instant now, Collector<Messages.PairObservation> out) throws Exception {
        List<Messages.CubeEntry> live = new ArrayList<>();
        List<Long> stale = new ArrayList<>();
        for (Map.Entry<Long, Messages.CubeEntry> m : members.entries()) {
            if (m.getValue().track().isStale(now)) {
                stale.add(m.getKey());
            } else {
                live.add(m.getValue());
            }
        }
        for (Long s : stale) {
            members.remove(s);
        }
        live.sort(Comparator.comparingLong(Messages.CubeEntry::target));
        for (int i = 0; i < live.size(); i++) {
            Messages.CubeEntry p = live.get(i);
            for (int j = i + 1; j < live.size(); j++) {
                Messages.CubeEntry q = live.get(j);
                if (Messages.lowestShared(p.cubes(), q.cubes(), cube) && watch().mayMeet(p.track(), q.track(), now)) {
                    out.collect(new Messages.PairObservation(
                            Messages.pairKey(p.track().id(), q.track().id()),
                            Messages.SWEEP_SEQ,
                            p.track(),
                            q.track()));
                }
            }
        }
    }
}
