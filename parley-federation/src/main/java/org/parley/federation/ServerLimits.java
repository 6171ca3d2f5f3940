package org.parley.federation;

import java.time.Duration;

/**
 * Time limits of the JDK's HTTP server, for the federation endpoint and the operator API (issue
 * 19, item 1): without them a connection that sends one byte, or nothing, and stalls holds a file
 * descriptor for ever, and a few thousand such connections lock out the real peer.
 *
 * <p>The JDK server reads its limits once, from system properties, when the first server of the
 * process is made (jdk.httpserver's {@code sun.net.httpserver.ServerConfig}); {@link #apply} sets
 * those not set already (an operator's {@code -D} wins) and must run before the first server is
 * created. They then hold for every server in the process:
 *
 * <ul>
 *   <li>{@code sun.net.httpserver.maxReqTime}: TLS handshake, request head and body must arrive
 *       within {@link #REQUEST_TIME}, or the connection is closed;
 *   <li>{@code sun.net.httpserver.clockTick}: a connection that sends nothing is closed at the
 *       next sweep after that time; sweep every second instead of every ten.
 *   <li>{@code sun.net.httpserver.idleInterval}: a kept-alive connection with no request is closed
 *       after {@link #KEEP_ALIVE}, twice the JDK client's 30 s ({@code
 *       jdk.httpclient.keepalive.timeout}). With both at 30 s, the server's sweep could close a
 *       connection in the instant the peer's client took it from its pool for a POST, which then
 *       failed with "header parser received no bytes" (a FLASH of WatchIT in CI did, and went on
 *       its next attempt). Now the client always gives a connection up first. A connection that
 *       never sends a request is still closed after {@link #REQUEST_TIME} (the JDK server takes the
 *       smaller of the two for it).
 * </ul>
 */
final class ServerLimits {
    /** The longest a client may take from connecting to the end of its request. */
    static final Duration REQUEST_TIME = Duration.ofSeconds(10);

    private static final Duration SWEEP = Duration.ofSeconds(1);

    /** How long an idle kept-alive connection stays open; longer than the JDK client keeps one. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

    private ServerLimits() {}

    /** Sets the JDK server's limits unless already set; call before the first server is created. */
    static synchronized void apply() {
        setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_TIME.toSeconds()));
        setIfAbsent("sun.net.httpserver.clockTick", String.valueOf(SWEEP.toMillis()));
        setIfAbsent("sun.net.httpserver.idleInterval", String.valueOf(KEEP_ALIVE.toSeconds()));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
