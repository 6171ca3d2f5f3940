package org.parley.flink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A keyed stage that sees its records in event-time order: each record waits in keyed state until
 * the watermark passes its time, and the records of one millisecond are handed over in input order
 * ({@link Messages.Sequenced#seq}). The engine reads a time-ordered feed one report at a time; this
 * is what lets every stage of the job see the same order whatever the parallelism.
 */
abstract class TimeOrdered<K, I extends Messages.Sequenced, O> extends KeyedProcessFunction<K, I, O> {
    private static final long serialVersionUID = 1L;

    private final Class<I> type;
    protected final WatchSettings settings;
    private transient MapState<Long, List<I>> pending;

    TimeOrdered(Class<I> type, WatchSettings settings) {
        this.type = type;
        this.settings = settings;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        pending = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("pending", Types.LONG, Types.LIST(TypeInformation.of(type))));
    }

    @Override
    public void processElement(I in, Context ctx, Collector<O> out) throws Exception {
        long t = ctx.timestamp();
        if (t <= ctx.timerService().currentWatermark()) {
            late(in, ctx);
            return;
        }
        List<I> list = pending.get(t);
        if (list == null) {
            list = new ArrayList<>();
        }
        list.add(in);
        pending.put(t, list);
        ctx.timerService().registerEventTimeTimer(t);
    }

    @Override
    public void onTimer(long t, OnTimerContext ctx, Collector<O> out) throws Exception {
        List<I> list = pending.get(t);
        if (list == null) {
            list = List.of();
        } else {
            pending.remove(t);
            list.sort(Comparator.comparingLong(Messages.Sequenced::seq));
        }
        fire(t, list, ctx, out);
    }

    /** A record that came after the watermark had passed its time. */
    abstract void late(I in, Context ctx);

    /** The records of millisecond {@code t} in input order (maybe none: a timer of the stage's own). */
    abstract void fire(long t, List<I> records, OnTimerContext ctx, Collector<O> out) throws Exception;
}
