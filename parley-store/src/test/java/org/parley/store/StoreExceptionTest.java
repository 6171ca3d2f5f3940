package org.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreExceptionTest {
    private static StoreException wrapping(SQLException cause) {
        return new StoreException("store: cannot enqueue: " + cause.getMessage(), cause);
    }

    @Test
    void storageFull_sqliteFullResultCode_isFull() {
        // sqlite-jdbc puts the primary result code in getErrorCode() and its name first in the message.
        StoreException e =
                wrapping(new SQLException("[SQLITE_FULL] Insertion failed because database is full", null, 13));
        assertThat(e.storageFull()).isTrue();
        assertThat(e.storageReadOnly()).isFalse();
    }

    @Test
    void storageFull_postgresDiskFullState_isFull() {
        StoreException e = wrapping(new SQLException("could not extend file: No space left on device", "53100"));
        assertThat(e.storageFull()).isTrue();
    }

    @Test
    void storageReadOnly_sqliteReadonlyResultCode_isReadOnly() {
        StoreException e =
                wrapping(new SQLException("[SQLITE_READONLY] Attempt to write a readonly database", null, 8));
        assertThat(e.storageReadOnly()).isTrue();
        assertThat(e.storageFull()).isFalse();
    }

    @Test
    void storageFull_otherFailures_isNeither() {
        assertThat(wrapping(new SQLException("[SQLITE_BUSY] The database file is locked", null, 5))
                        .storageFull())
                .isFalse();
        assertThat(wrapping(new SQLException("unique violation", "23505", 13)).storageFull())
                .isFalse();
        assertThat(new StoreException("no outbox entry x").storageFull()).isFalse();
    }
}
