package org.parley.store;

/** Work a store does in the background beside its transactions, stopped when the store closes. */
sealed interface Upkeep extends AutoCloseable permits Checkpoints, PlannerStatistics {
    /** Stops the work; waits a bounded time for it to end. */
    @Override
    void close();
}
