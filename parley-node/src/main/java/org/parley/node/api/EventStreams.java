package org.parley.node.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.parley.node.events.NodeEvents;
import org.parley.node.events.Subscription;

/**
 * Writes a server-sent event stream (WHATWG HTML §9.2, {@code text/event-stream}): one {@code id},
 * {@code event} and {@code data} block per published event, and a comment line as heartbeat when
 * nothing happened for {@link #HEARTBEAT}, so proxies keep the connection and the client notices a
 * dead one. Used by the operator API and the console alike.
 */
public final class EventStreams {
    /** Quiet time after which a heartbeat comment is sent. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private EventStreams() {}

    /** Streams until the client leaves, the subscription is dropped or closed; then closes it. */
    public static void serve(HttpExchange ex, Subscription subscription) throws IOException {
        try (subscription) {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            // The client waits 2 s before reconnecting; the first comment tells it the stream is open.
            write(out, "retry: 2000\n: connected\n\n");
            while (true) {
                Optional<NodeEvents.Published> next = subscription.next(HEARTBEAT);
                if (next.isEmpty()) {
                    write(out, ": heartbeat\n\n");
                    continue;
                }
                NodeEvents.Published event = next.get();
                write(
                        out,
                        "id: " + event.sequence() + "\nevent: " + event.topic().eventName + "\ndata: " + event.json()
                                + "\n\n");
            }
        } catch (Subscription.Dropped | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } catch (IOException e) {
            // The client went away: an ordinary end of a stream.
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
