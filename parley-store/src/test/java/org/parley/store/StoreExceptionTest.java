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
    void storageIoFailed_sqliteIoErrWriteOnReadOnlyRemount_isIoFailure() {
        // What sqlite-jdbc threw in the fault suite when ext4 went read-only under an open connection:
        // SQLITE_IOERR_WRITE (778 = 10 | 3 << 8), the extended code, in getErrorCode().
        StoreException e =
                wrapping(new SQLException("[SQLITE_IOERR_WRITE] Some kind of disk I/O error occurred", null, 778));
        assertThat(e.storageIoFailed()).isTrue();
        assertThat(e.storageFull()).isFalse();
        assertThat(e.storageReadOnly()).isFalse();
    }

    @Test
    void storageIoFailed_postgresIoErrorState_isIoFailure() {
        assertThat(wrapping(new SQLException("could not write block 7: Input/output error", "58030"))
                        .storageIoFailed())
                .isTrue();
    }

    @Test
    void storageFull_otherFailures_isNeither() {
        assertThat(wrapping(new SQLException("[SQLITE_BUSY] The database file is locked", null, 5))
                        .storageFull())
                .isFalse();
        assertThat(wrapping(new SQLException("unique violation", "23505", 13)).storageFull())
                .isFalse();
        assertThat(new StoreException("no outbox entry x").storageFull()).isFalse();
        assertThat(wrapping(new SQLException("[SQLITE_BUSY] The database file is locked", null, 5))
                        .storageIoFailed())
                .isFalse();
    }
}
