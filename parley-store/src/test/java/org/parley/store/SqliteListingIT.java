package org.parley.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.parley.testing.TestClock;

class SqliteListingIT extends ListingContract {
    @Override
    Store newStore(TestClock clock) {
        try {
            return Store.sqlite(Files.createTempDirectory("parley-listing-it").resolve("parley.db"), clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
