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

    /**
     * Whether the store failed because its database server could not be reached: a connection
     * refused, cut or timed out. PostgreSQL reports these as SQLSTATE class 08 (connection
     * exception: 08001 when the driver cannot connect, 08006 when an open connection breaks) or 57P01
     * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (a server shutting down or
     * starting; PostgreSQL docs, Appendix A); the pool's own wait for a connection ends with the last
     * of those as its state (HikariCP), or, with none, a socket error among the causes. Such a
     * failure heals by itself when the server answers again; nothing of the failed transaction was
     * committed, except in the one case the driver cannot know: a connection cut while its COMMIT
     * was on the way.
     */
    public boolean storeUnreachable() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException e) {
                String state = String.valueOf(e.getSQLState());
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
            if (t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
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
