package org.parley.node.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.store.Store;
import org.parley.wire.Party;

/** Issue 19, item 2: the alarms a node keeps are bounded, counted and paged (SQLite audit trail). */
class NodeEventsIT {
    @TempDir
    Path root;

    @Test
    void alarm_moreThanKept_newestKeptCountedAndPaged() {
        try (Store store = Store.sqlite(root.resolve("events.db"), InstantSource.system())) {
            NodeEvents events = new NodeEvents(Party.of("BLUE"), store, InstantSource.system());
            int raised = NodeEvents.ALARMS_KEPT + 200;
            for (int i = 0; i < raised; i++) {
                events.alarm(Alarm.Kind.REFUSED, "junk " + i);
            }

            assertThat(events.alarms()).hasSize(NodeEvents.ALARMS_KEPT);
            assertThat(events.alarms().get(0).message()).isEqualTo("junk 200");
            assertThat(events.alarmsRaised()).isEqualTo(raised);
            assertThat(messages(events.alarmPage(0, 2))).containsExactly("junk 1198", "junk 1199");
            assertThat(messages(events.alarmPage(2, 2))).containsExactly("junk 1196", "junk 1197");
            assertThat(events.alarmPage(NodeEvents.ALARMS_KEPT, 10)).isEmpty();
        }
    }

    private static List<String> messages(List<Alarm> alarms) {
        return alarms.stream().map(Alarm::message).toList();
    }
}
