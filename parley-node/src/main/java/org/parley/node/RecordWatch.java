package org.parley.node;

import java.time.Duration;
import java.util.List;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.node.record.NodeLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the node's stored envelopes, receipts and acknowledgments against their signatures and
 * ledger leaves when the node starts and every {@link #PERIOD} after (issue 19, item 16), and raises
 * a {@link Alarm.Kind#RECORD_ALTERED} alarm naming the rows that no longer match. A row without a
 * leaf is named only if it still has none {@link #CONFIRM_AFTER} later: an envelope stored a moment
 * ago may not be on the ledger yet. The same set of rows is not alarmed twice in a row.
 */
final class RecordWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecordWatch.class);
    static final Duration PERIOD = Duration.ofHours(1);
    static final Duration CONFIRM_AFTER = Duration.ofSeconds(3);
    /** Rows named in one alarm at most; the alarm says how many more there are. */
    private static final int NAMED = 10;

    private final Thread thread;

    private RecordWatch(Thread thread) {
        this.thread = thread;
    }

    static RecordWatch start(NodeLedger ledger, NodeEvents events) {
        return new RecordWatch(Thread.ofVirtual().name("record-watch").start(() -> loop(ledger, events)));
    }

    private static void loop(NodeLedger ledger, NodeEvents events) {
        List<String> alarmed = List.of();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<String> found = ledger.checkStoredRecords(RecordWatch::pause);
                if (!found.isEmpty() && !found.equals(alarmed)) {
                    events.alarm(Alarm.Kind.RECORD_ALTERED, text(found));
                }
                alarmed = List.copyOf(found);
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // closed while checking: the store call was cut short, nothing to report
                }
                // A failing store must not end the watch: log, wait, try again (issue 19, item 5).
                LOG.error("stored-record check failed; trying again in {}", PERIOD, e);
                try {
                    Thread.sleep(PERIOD);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The pause before rows without a leaf are looked up again. */
    private static void pause() {
        try {
            Thread.sleep(CONFIRM_AFTER);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String text(List<String> problems) {
        StringBuilder out = new StringBuilder("FLASH stored records no longer match their signatures or ledger"
                + " leaves (changed in the database?): " + problems.size() + " rows; ");
        out.append(String.join("; ", problems.subList(0, Math.min(NAMED, problems.size()))));
        if (problems.size() > NAMED) {
            out.append("; and ").append(problems.size() - NAMED).append(" more (run 'parley ledger verify --config')");
        }
        return out.toString();
    }

    @Override
    public void close() {
        LoopThreads.stop(thread);
    }
}
