package org.parley.node.messages;

import static org.assertj.core.api.Assertions.assertThat;

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
            StorageGuard guard = new StorageGuard(events);
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

            assertThat(new StorageGuard(events).refusal(busy)).isSameAs(busy);
            assertThat(events.alarms()).isEmpty();
        }
    }
}
