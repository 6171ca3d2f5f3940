package org.parley.store;

import org.parley.testing.TestClock;

class PostgresListingIT extends ListingContract {
    private String schema = "";

    @Override
    Store newStore(TestClock clock) {
        schema = PostgresStoreIT.freshSchema("it_listing");
        return Store.postgres(PostgresStoreIT.url(), PostgresStoreIT.user(), PostgresStoreIT.password(), schema, clock);
    }

    @Override
    void dropStore() {
        PostgresStoreIT.dropSchema(schema);
    }
}
