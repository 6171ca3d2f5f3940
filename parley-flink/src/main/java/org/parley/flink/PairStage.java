package org.parley.flink;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.jspecify.annotations.Nullable;
import org.parley.encounter.EncounterEvent;
import org.parley.encounter.PairWatch;

/**
 * Keyed by pair: the pair's open encounter, judged with the engine's geometry and rules at each
 * observation, and closed at the sweep that finds it clear (or at the end of a bounded replay).
 */
final class PairStage extends TimeOrdered<String, Messages.PairObservation, Messages.IncidentMessage> {
    private static final long serialVersionUID = 1L;

    private transient @Nullable PairWatch watch;
    private transient ValueState<PairWatch.OpenEncounter> open;

    PairStage(WatchSettings settings) {
        super(Messages.PairObservation.class, settings);
    }

    @Override
    public void open(OpenContext context) throws Exception {
        super.open(context);
        watch = new PairWatch(settings.config());
        open = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("open", TypeInformation.of(PairWatch.OpenEncounter.class)));
    }

    @Override
    void late(Messages.PairObservation in, Context ctx) {
        throw new IllegalStateException("a pair observation behind the watermark (cubes emit in time order): " + in);
    }

    @Override
    void fire(
            long t,
            List<Messages.PairObservation> observations,
            OnTimerContext ctx,
            Collector<Messages.IncidentMessage> out)
            throws Exception {
        PairWatch w = Objects.requireNonNull(watch);
        Instant now = Instant.ofEpochMilli(t);
        Optional<PairWatch.OpenEncounter> current = Optional.ofNullable(open.value());
        for (Messages.PairObservation o : observations) {
            PairWatch.Verdict v = w.judge(current, o.a(), o.b(), now);
            v.events().forEach(e -> out.collect(message(e)));
            current = v.open();
        }
        if (current.isPresent() && settings.isSweep(t)) {
            Optional<EncounterEvent> closed = w.closeIfClear(current.get(), now);
            if (closed.isPresent()) {
                out.collect(message(closed.get()));
                current = Optional.empty();
            }
        }
        if (current.isPresent() && settings.bounded() && t >= settings.endMillis()) {
            out.collect(message(w.close(current.get(), now)));
            current = Optional.empty();
        }
        if (current.isPresent()) {
            open.update(current.get());
            long next = settings.isSweep(t) ? t + settings.everyMillis() : settings.sweepAtOrAfter(t);
            ctx.timerService().registerEventTimeTimer(Math.min(next, settings.endMillis()));
        } else {
            open.clear();
        }
    }

    private static Messages.IncidentMessage message(EncounterEvent e) {
        return new Messages.IncidentMessage(e.incidentId(), IncidentJson.write(e));
    }
}
