package org.parley.flink;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.parley.encounter.EncounterConfig;
import org.parley.encounter.EncounterEngine;
import org.parley.encounter.EncounterEvent;

/**
 * The single-node engine over the same reports, driven as {@code encounters replay} drives it
 * (EncounterReplay: a sweep every 10 s of feed time from the first report, run before the first
 * report past it; everything closed at the last report), the reports in event-time order (input
 * order within a millisecond), as the job's watermarks order them.
 */
final class Reference {
    private Reference() {}

    static List<Incident> incidents(List<Messages.Report> reports, EncounterConfig config) {
        List<Messages.Report> ordered = new ArrayList<>(reports);
        ordered.sort(
                Comparator.comparing((Messages.Report r) -> r.report().time()).thenComparingLong(Messages.Report::seq));
        EncounterEngine engine = new EncounterEngine(config);
        List<EncounterEvent> events = new ArrayList<>();
        Instant clock = Instant.EPOCH;
        Instant nextSweep = null;
        for (Messages.Report r : ordered) {
            if (r.report().time().isAfter(clock)) {
                clock = r.report().time();
            }
            if (nextSweep == null) {
                nextSweep = clock.plus(Duration.ofSeconds(10));
            }
            while (clock.isAfter(nextSweep)) {
                events.addAll(engine.sweep(nextSweep));
                nextSweep = nextSweep.plus(Duration.ofSeconds(10));
            }
            events.addAll(engine.onReport(r.report()));
        }
        events.addAll(engine.closeAll(clock));
        return events.stream()
                .map(e -> Incident.fromJson(IncidentJson.write(e)))
                .toList();
    }

    /** The settings under which the job replays these reports as the reference does. */
    static WatchSettings settings(List<Messages.Report> reports, WatchSettings base) {
        Instant first = reports.stream()
                .map(r -> r.report().time())
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = reports.stream()
                .map(r -> r.report().time())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return base.withOrigin(first).withEnd(last);
    }
}
