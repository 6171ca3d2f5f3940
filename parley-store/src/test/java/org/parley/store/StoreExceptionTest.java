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

    @Test
    void storeUnreachable_poolWaitEndedOnRefusedConnection_isUnreachable() {
        // What HikariCP threw when the PostgreSQL server was stopped: its wait for a connection
        // ended, carrying the driver's 08001 "Connection to 127.0.0.1:5432 refused" as state and cause.
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
        StoreException e = wrapping(new java.sql.SQLTransientConnectionException(
                "parley-store-postgres - Connection is not available, request timed out after 3000ms",
                "08001",
                refused));
        assertThat(e.storeUnreachable()).isTrue();
        assertThat(e.storageFull() || e.storageReadOnly() || e.storageIoFailed())
                .isFalse();
    }

    @Test
    void storeUnreachable_serverShutdownStates_areUnreachable() {
        for (String state : java.util.List.of("57P01", "57P02", "57P03", "08006", "08003")) {
            assertThat(wrapping(new SQLException("terminating connection", state))
                            .storeUnreachable())
                    .as(state)
                    .isTrue();
        }
    }

    @Test
    void storeUnreachable_socketErrorWithoutState_isUnreachable() {
        StoreException e = new StoreException(
                "store: cannot enqueue", new SQLException("I/O error", null, new java.net.ConnectException("refused")));
        assertThat(e.storeUnreachable()).isTrue();
    }

    @Test
    void storeUnreachable_diskFullOrConstraintOrPoolExhausted_isNotUnreachable() {
        assertThat(wrapping(new SQLException("could not extend file", "53100")).storeUnreachable())
                .isFalse();
        assertThat(wrapping(new SQLException("duplicate key value", "23505")).storeUnreachable())
                .isFalse();
        // Every pooled connection busy, none failing: the pool's wait ends with no state.
        assertThat(wrapping(new java.sql.SQLTransientConnectionException("Connection is not available"))
                        .storeUnreachable())
                .isFalse();
    }
}
