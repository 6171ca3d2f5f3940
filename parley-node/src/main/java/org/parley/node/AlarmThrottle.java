package org.parley.node;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.parley.node.events.Alarm;

/**
 * At most one alarm of a kind per window, for kinds a misbehaving peer can raise as fast as it
 * sends: the clock-step fault (issue 20) raised a REFUSED alarm per refused batch, 635 in a minute,
 * and a duty officer cannot act on 635 alarms. The first of a burst is raised at once; the rest are
 * counted, and {@link #tick} raises one summary with the count when the window has passed. Each
 * occurrence stays in the node log and the audit trail, which the callers write.
 */
final class AlarmThrottle {
    private final InstantSource clock;
    private final BiConsumer<Alarm.Kind, String> alarms;
    private final Map<Alarm.Kind, Window> windows = new EnumMap<>(Alarm.Kind.class);

    /** The open window of one kind: when its last alarm was raised, how many were held back since. */
    private static final class Window {
        final Duration length;
        Instant lastAlarm;
        int heldBack;
        String latest = "";

        Window(Duration length, Instant lastAlarm) {
            this.length = length;
            this.lastAlarm = lastAlarm;
        }
    }

    AlarmThrottle(InstantSource clock, BiConsumer<Alarm.Kind, String> alarms) {
        this.clock = clock;
        this.alarms = alarms;
    }

    /** Raises {@code message} now unless an alarm of {@code kind} was raised less than {@code every} ago. */
    void raise(Alarm.Kind kind, Duration every, String message) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive: " + every);
        }
        Instant now = clock.instant();
        synchronized (this) {
            Window window = windows.get(kind);
            if (window != null && now.isBefore(window.lastAlarm.plus(window.length))) {
                window.heldBack++;
                window.latest = message;
                return;
            }
            windows.put(kind, new Window(every, now));
        }
        alarms.accept(kind, message);
    }

    /** Called often (the node's ticker): raises the summary of each window that held alarms back. */
    void tick() {
        Instant now = clock.instant();
        Map<Alarm.Kind, String> due = new EnumMap<>(Alarm.Kind.class);
        synchronized (this) {
            windows.forEach((kind, window) -> {
                if (window.heldBack > 0 && !now.isBefore(window.lastAlarm.plus(window.length))) {
                    due.put(
                            kind,
                            window.heldBack + " more since " + window.lastAlarm + " (one alarm per "
                                    + window.length.toSeconds() + " s; each is in the node log); the latest: "
                                    + window.latest);
                    window.lastAlarm = now;
                    window.heldBack = 0;
                }
            });
        }
        due.forEach(alarms);
    }
}
