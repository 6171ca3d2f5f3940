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

    @Test
    void acknowledgeAlarm_twice_firstStandsKeptWithTheAlarmAndAudited() {
        try (Store store = Store.sqlite(root.resolve("events.db"), InstantSource.system())) {
            NodeEvents events = new NodeEvents(Party.of("BLUE"), store, InstantSource.system());
            events.alarm(Alarm.Kind.LINK_DOWN, "no answer from RED");
            events.alarm(Alarm.Kind.FEED_SILENT, "feed ais-tcp silent");
            long id = events.alarms().get(1).id();

            Alarm first = events.acknowledgeAlarm(id, "li", "duty-officer").orElseThrow();
            Alarm second =
                    events.acknowledgeAlarm(id, "wang", "watch-supervisor").orElseThrow();

            assertThat(first.acknowledged()).hasValueSatisfying(a -> {
                assertThat(a.operator()).isEqualTo("li");
                assertThat(a.role()).isEqualTo("duty-officer");
            });
            assertThat(second).as("the first acknowledgment stands").isEqualTo(first);
            assertThat(events.alarms().get(1).acknowledged()).isEqualTo(first.acknowledged());
            assertThat(events.alarms().get(0).acknowledged())
                    .as("the other alarm")
                    .isEmpty();
            assertThat(first.json()).contains("\"id\":" + id).contains("\"acknowledgedBy\":\"li\"");
            assertThat(store.auditLog(0, 100))
                    .filteredOn(e -> e.action().equals("alarm.ack"))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.actor()).isEqualTo("li");
                        assertThat(e.subject()).isEqualTo(String.valueOf(id));
                        assertThat(e.detail()).contains("FEED_SILENT");
                    });
        }
    }

    @Test
    void acknowledgeAlarm_idNotKept_isEmptyAndAuditsNothing() {
        try (Store store = Store.sqlite(root.resolve("events.db"), InstantSource.system())) {
            NodeEvents events = new NodeEvents(Party.of("BLUE"), store, InstantSource.system());
            events.alarm(Alarm.Kind.LINK_DOWN, "no answer from RED");

            assertThat(events.acknowledgeAlarm(2, "li", "duty-officer")).isEmpty();
            assertThat(store.auditLog(0, 100)).noneMatch(e -> e.action().equals("alarm.ack"));
        }
    }

    private static List<String> messages(List<Alarm> alarms) {
        return alarms.stream().map(Alarm::message).toList();
    }
}
