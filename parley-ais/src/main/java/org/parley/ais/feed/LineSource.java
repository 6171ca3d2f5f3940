package org.parley.ais.feed;

import java.io.Closeable;
import java.io.IOException;

/** Where a feed's lines come from: a byte stream or UDP datagrams, framed by one {@link LineFramer}. */
interface LineSource extends Closeable {
    /** Hands every line to {@code sink} until the source ends or is closed. */
    void run(LineFramer framer, LineFramer.LineSink sink) throws IOException;
}
