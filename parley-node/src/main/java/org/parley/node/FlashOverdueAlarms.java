package org.parley.node;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.parley.federation.FlashOverdue;
import org.parley.node.events.Alarm;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

/**
 * Turns the federation's one-per-envelope {@link FlashOverdue} reports into one alarm per outage:
 * during a five-minute partition each node raised about 280 FLASH_OVERDUE alarms, one per FLASH
 * (docs/reliability.md), and a duty officer cannot act on 280 alarms. An outage opens with the first
 * overdue FLASH (alarm at once, with that FLASH's facts); while it lasts, a reminder with the count
 * and the oldest FLASH is raised at most once per {@code remindEvery}, and only when the count
 * changed; when the last overdue FLASH is receipted, one FLASH_RECEIPTED alarm closes the outage
 * with how many there were and how long it lasted. The facts of each FLASH stay in the node log and
 * the audit trail (written by the federation's watchdog) and in the message view.
 */
final class FlashOverdueAlarms {
    /** How often, at most, an open outage repeats its alarm with the new count. */
    static final Duration REMIND_EVERY = Duration.ofMinutes(5);

    private final Party peer;
    private final InstantSource clock;
    private final Duration remindEvery;
    private final BiConsumer<Alarm.Kind, String> alarms;

    /** The FLASH of the open outage that still have no receipt. Guarded by {@code this}. */
    private final Map<EnvelopeId, FlashOverdue> waiting = new HashMap<>();

    private @Nullable Outage outage;

    /** The outage under way: when it began, how many FLASH it counted, when it last raised an alarm. */
    private static final class Outage {
        final Instant began;
        int overdue;
        Instant lastAlarm;
        boolean changed;

        Outage(Instant began) {
            this.began = began;
            this.lastAlarm = began;
        }
    }

    FlashOverdueAlarms(Party peer, InstantSource clock, Duration remindEvery, BiConsumer<Alarm.Kind, String> alarms) {
        if (remindEvery.isNegative() || remindEvery.isZero()) {
            throw new IllegalArgumentException("remindEvery must be positive: " + remindEvery);
        }
        this.peer = peer;
        this.clock = clock;
        this.remindEvery = remindEvery;
        this.alarms = alarms;
    }

    /** A FLASH is overdue: the first of an outage raises an alarm, the rest are counted into it. */
    void overdue(FlashOverdue flash) {
        String first = null;
        synchronized (this) {
            waiting.put(flash.id(), flash);
            if (outage == null) {
                outage = new Outage(clock.instant());
                outage.overdue = 1;
                first = "FLASH " + flash.id() + " has no receipt from " + peer + " after "
                        + flash.waited().toSeconds() + " s and " + flash.failedAttempts()
                        + " failed attempts; last error: " + flash.lastError() + ". Further FLASH overdue in"
                        + " this outage are counted into one alarm at most every " + remindEvery.toMinutes()
                        + " min (each is in the node log and its message view)";
            } else {
                outage.overdue++;
                outage.changed = true;
            }
        }
        if (first != null) {
            alarms.accept(Alarm.Kind.FLASH_OVERDUE, first);
        }
        tick();
    }

    /** A receipt arrived for {@code id}: the outage closes when no overdue FLASH is left. */
    void receipted(EnvelopeId id) {
        String closing;
        synchronized (this) {
            if (outage == null || waiting.remove(id) == null) {
                return;
            }
            if (!waiting.isEmpty()) {
                outage.changed = true;
                return;
            }
            Duration lasted = Duration.between(outage.began, clock.instant());
            closing = "all " + outage.overdue + " FLASH overdue since " + outage.began + " are receipted by " + peer
                    + " now; the outage lasted " + lasted.toSeconds() + " s";
            outage = null;
        }
        alarms.accept(Alarm.Kind.FLASH_RECEIPTED, closing);
    }

    /** Called often (the node's ticker): raises the reminder of an open outage when one is due. */
    void tick() {
        String reminder;
        synchronized (this) {
            Instant now = clock.instant();
            if (outage == null || !outage.changed || now.isBefore(outage.lastAlarm.plus(remindEvery))) {
                return;
            }
            FlashOverdue oldest = waiting.values().stream()
                    .min(Comparator.comparing(FlashOverdue::created))
                    .orElseThrow();
            reminder = waiting.size() + " FLASH to " + peer + " have no receipt (" + outage.overdue
                    + " overdue since " + outage.began + "); the oldest, " + oldest.id() + ", was made at "
                    + oldest.created() + " ("
                    + Duration.between(oldest.created(), now).toSeconds()
                    + " s ago); last error: " + oldest.lastError();
            outage.lastAlarm = now;
            outage.changed = false;
        }
        alarms.accept(Alarm.Kind.FLASH_OVERDUE, reminder);
    }
}
