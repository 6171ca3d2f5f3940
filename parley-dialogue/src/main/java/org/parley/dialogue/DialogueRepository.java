package org.parley.dialogue;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's persistence: an append-only list of events. Implementations make {@link #append}
 * durable before returning.
 */
interface DialogueRepository {
    void append(DialogueEvent event);

    List<DialogueEvent> events();

    /** Kept in memory, for tests and the demo. */
    final class InMemory implements DialogueRepository {
        private final List<DialogueEvent> events = new ArrayList<>();

        @Override
        public synchronized void append(DialogueEvent event) {
            events.add(event);
        }

        @Override
        public synchronized List<DialogueEvent> events() {
            return List.copyOf(events);
        }
    }
}
