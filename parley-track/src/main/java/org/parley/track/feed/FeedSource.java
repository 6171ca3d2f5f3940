package org.parley.track.feed;

import java.nio.file.Path;

/** Where a feed's bytes come from. */
public sealed interface FeedSource permits FeedSource.Tcp, FeedSource.Udp, FeedSource.Replay {

    /** A TCP server we connect to as a client ({@code tcp://host:port}), e.g. dump1090's port 30005. */
    record Tcp(String host, int port) implements FeedSource {
        public Tcp {
            if (host.isBlank()) {
                throw new IllegalArgumentException("TCP feed host must not be blank");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("TCP feed port must be within 1..65535: " + port);
            }
        }

        @Override
        public String toString() {
            return "tcp://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /**
     * A UDP port we listen on ({@code udp://bindhost:port}; {@code 0.0.0.0} for every interface);
     * port 0 lets the system pick one (tests), see {@link LiveFeed#localPort}.
     */
    record Udp(String bindHost, int port) implements FeedSource {
        public Udp {
            if (bindHost.isBlank()) {
                throw new IllegalArgumentException("UDP feed bind host must not be blank");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("UDP feed port must be within 0..65535: " + port);
            }
        }

        @Override
        public String toString() {
            return "udp://" + (bindHost.contains(":") ? "[" + bindHost + "]" : bindHost) + ":" + port;
        }
    }

    /**
     * A recorded file (plain or gzip, told by its content) replayed at {@code speed} times real
     * time, paced by the file's own timestamps.
     */
    record Replay(Path file, double speed) implements FeedSource {
        public Replay {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("replay speed must be a finite number > 0: " + speed);
            }
        }

        @Override
        public String toString() {
            return "file:" + file + " at " + speed + "x";
        }
    }
}
