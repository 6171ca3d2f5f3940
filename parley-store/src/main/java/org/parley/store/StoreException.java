package org.parley.store;

/** The store could not do what was asked; the message says what and, where known, why. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the store failed because its disk is full: SQLite result code SQLITE_FULL (13, which
     * SQLite also returns when a write fails with ENOSPC; sqlite.org/rescode.html), or PostgreSQL
     * SQLSTATE 53100 disk_full. Such a failure heals by itself once space returns.
     */
    public boolean storageFull() {
        return causedBy(13, "53100");
    }

    /**
     * Whether the store failed because its file or database is read-only: SQLite SQLITE_READONLY (8)
     * or PostgreSQL SQLSTATE 25006 read_only_sql_transaction.
     */
    public boolean storageReadOnly() {
        return causedBy(8, "25006");
    }

    /**
     * Whether the store failed because the disk under it refused a read or write: SQLite SQLITE_IOERR
     * (10, with any extended code such as SQLITE_IOERR_WRITE) or PostgreSQL SQLSTATE 58030 io_error.
     * A filesystem that the kernel remounts read-only after a disk error (ext4 errors=remount-ro)
     * fails the writes of a connection already open with EROFS, which SQLite reports as SQLITE_IOERR,
     * not SQLITE_READONLY (that one comes only to connections opened after the remount): the fault
     * suite's readonly scenario saw this.
     */
    public boolean storageIoFailed() {
        return causedBy(10, "58030");
    }

    private boolean causedBy(int sqliteCode, String sqlState) {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException e
                    && (sqlState.equals(e.getSQLState())
                            || ((e.getErrorCode() & 0xff) == sqliteCode
                                    && String.valueOf(e.getMessage()).startsWith("[SQLITE_")))) {
                return true;
            }
        }
        return false;
    }
}
