package org.parley.ais.feed;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Where lines come from; null means the source has ended. */
interface LineSource extends Closeable {
    @Nullable
    String next() throws IOException;
}
