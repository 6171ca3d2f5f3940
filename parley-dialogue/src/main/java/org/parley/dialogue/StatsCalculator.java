package org.parley.dialogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Folds ledger entries into {@link DialogueStats}. */
final class StatsCalculator {
    private StatsCalculator() {}

    static DialogueStats compute(List<DialogueEntry> entries, Period period) {
        Map<String, List<DialogueEntry>> byPeriod = new TreeMap<>();
        for (DialogueEntry entry : entries) {
            byPeriod.computeIfAbsent(period.label(entry.request().sentAt()), k -> new ArrayList<>())
                    .add(entry);
        }
        List<StatsRow> rows = new ArrayList<>();
        byPeriod.forEach((label, inPeriod) -> {
            for (Level level : Level.values()) {
                List<DialogueEntry> atLevel = inPeriod.stream()
                        .filter(e -> e.request().level() == level)
                        .toList();
                if (!atLevel.isEmpty()) {
                    rows.add(row(label, Optional.of(level), atLevel));
                }
            }
            rows.add(row(label, Optional.empty(), inPeriod));
        });
        return new DialogueStats(period, rows, row("ALL", Optional.empty(), entries));
    }

    private static StatsRow row(String label, Optional<Level> level, List<DialogueEntry> entries) {
        Map<RequestStatus, Integer> counts = new java.util.EnumMap<>(RequestStatus.class);
        List<Duration> times = new ArrayList<>();
        for (DialogueEntry entry : entries) {
            counts.merge(entry.status(), 1, Integer::sum);
            entry.answer()
                    .filter(a -> !(a instanceof Answer.NoResponse))
                    .ifPresent(a -> times.add(Duration.between(entry.request().sentAt(), a.answeredAt())));
        }
        return new StatsRow(
                label,
                level,
                entries.size(),
                counts.getOrDefault(RequestStatus.ACCEPTED, 0),
                counts.getOrDefault(RequestStatus.DECLINED, 0),
                counts.getOrDefault(RequestStatus.COUNTERED, 0),
                counts.getOrDefault(RequestStatus.NO_RESPONSE, 0),
                counts.getOrDefault(RequestStatus.PENDING, 0),
                median(times));
    }

    /** The middle value; for an even count, the mean of the two middle values. */
    static Optional<Duration> median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int mid = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return Optional.of(sorted.get(mid));
        }
        return Optional.of(sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2));
    }
}
