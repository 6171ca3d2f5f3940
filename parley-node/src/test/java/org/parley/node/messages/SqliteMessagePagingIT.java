package org.parley.node.messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.parley.store.Store;
import org.parley.testing.TestClock;

class SqliteMessagePagingIT extends MessagePagingContract {
    private Path file = Path.of("unset");

    @Override
    Store newStore(TestClock clock) {
        try {
            file = Files.createTempDirectory("parley-paging-it").resolve("node.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Store.sqlite(file, clock);
    }

    @Override
    Store reopen(TestClock clock) {
        return Store.sqlite(file, clock);
    }
}
