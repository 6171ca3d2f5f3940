package org.parley.node.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.node.events.Alarm;
import org.parley.node.events.NodeEvents;
import org.parley.store.Store;
import org.parley.store.StoreException;
import org.parley.wire.Party;

class StorageGuardIT {
    @TempDir
    Path root;

    @Test
    void refusal_ioErrorOfReadOnlyRemount_refused507WithOneAlarmAndWritableAfterWrite() {
        try (Store store = Store.sqlite(root.resolve("guard.db"), InstantSource.system())) {
            NodeEvents events = new NodeEvents(Party.of("BLUE"), store, InstantSource.system());
            StorageGuard guard = new StorageGuard(events, InstantSource.system());
            // What sqlite-jdbc threw when ext4 went read-only (errors=remount-ro) under an open connection.
            StoreException ioError = new StoreException(
                    "store: cannot enqueue",
                    new SQLException("[SQLITE_IOERR_WRITE] Some kind of disk I/O error occurred", null, 778));

            RuntimeException first = guard.refusal(ioError);
            RuntimeException second = guard.refusal(ioError);
            guard.wrote();

            assertThat(first).isInstanceOf(MessageService.Refused.class);
            assertThat(((MessageService.Refused) first).status()).isEqualTo(507);
            assertThat(first.getMessage()).contains("I/O error", "read-only", "NOT accepted");
            assertThat(second).isInstanceOf(MessageService.Refused.class);
            assertThat(events.alarms())
                    .extracting(Alarm::kind)
                    .containsExactly(Alarm.Kind.STORE_UNWRITABLE, Alarm.Kind.STORE_WRITABLE);
        }
    }

    @Test
    void refusal_otherStoreFailure_passedOnUnchangedWithoutAlarm() {
        try (Store store = Store.sqlite(root.resolve("guard.db"), InstantSource.system())) {
            NodeEvents events = new NodeEvents(Party.of("BLUE"), store, InstantSource.system());
            StoreException busy = new StoreException(
                    "store: cannot enqueue", new SQLException("[SQLITE_BUSY] The database file is locked", null, 5));

            assertThat(new StorageGuard(events, InstantSource.system()).refusal(busy))
                    .isSameAs(busy);
            assertThat(events.alarms()).isEmpty();
        }
    }

    /** What HikariCP threw when the PostgreSQL server could not be reached (its wait ended on 08001). */
    private static StoreException unreachable() {
        return new StoreException(
                "store: cannot enqueue",
                new java.sql.SQLTransientConnectionException(
                        "parley-store-postgres - Connection is not available, request timed out after 3000ms",
                        "08001",
                        new SQLException("Connection to 127.0.0.1:5432 refused.", "08001")));
    }

    @Test
    void refusal_storeUnreachable_refused503SayingNothingAcceptedWithoutAlarm() {
        try (Store store = Store.sqlite(root.resolve("guard.db"), InstantSource.system())) {
            NodeEvents events = new NodeEvents(Party.of("BLUE"), store, InstantSource.system());

            RuntimeException refusal = new StorageGuard(events, InstantSource.system()).refusal(unreachable());

            assertThat(refusal).isInstanceOf(MessageService.Refused.class);
            assertThat(((MessageService.Refused) refusal).status()).isEqualTo(503);
            assertThat(refusal.getMessage()).contains("cannot be reached", "NOT accepted");
            // The probe raises the alarm, off the operator's request (its audit row needs the store too).
            assertThat(events.alarms()).isEmpty();
        }
    }

    @Test
    void unanswered_outageProbedThreeTimes_oneUnreachableThenOneReachable() {
        try (Store store = Store.sqlite(root.resolve("guard.db"), InstantSource.system())) {
            NodeEvents events = new NodeEvents(Party.of("BLUE"), store, InstantSource.system());
            StorageGuard guard = new StorageGuard(events, InstantSource.system());

            guard.answered();
            guard.unanswered(unreachable());
            guard.unanswered(unreachable());
            guard.unanswered(unreachable());
            guard.answered();
            guard.answered();

            assertThat(events.alarms())
                    .extracting(Alarm::kind)
                    .containsExactly(Alarm.Kind.STORE_UNREACHABLE, Alarm.Kind.STORE_REACHABLE);
            assertThat(events.alarms().get(0).message()).contains("cannot be reached", "503");
            assertThat(events.alarms().get(1).message()).contains("answers again");
        }
    }

    @Test
    void unanswered_failureOtherThanUnreachable_passedOnWithoutAlarm() {
        try (Store store = Store.sqlite(root.resolve("guard.db"), InstantSource.system())) {
            NodeEvents events = new NodeEvents(Party.of("BLUE"), store, InstantSource.system());
            StoreException full = new StoreException(
                    "store: cannot answer a ping", new SQLException("could not extend file", "53100"));

            assertThatThrownBy(() -> new StorageGuard(events, InstantSource.system()).unanswered(full))
                    .isSameAs(full);
            assertThat(events.alarms()).isEmpty();
        }
    }
}
