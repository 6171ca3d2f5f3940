package org.parley.track.feed;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

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
     * port 0 lets the system pick one (tests), see {@link LiveFeed#localPort}. UDP has no handshake,
     * so anyone who can reach the port can inject positions; {@code allowFrom} (empty: any sender)
     * names the receivers whose datagrams are read, the others are counted and dropped.
     */
    record Udp(String bindHost, int port, List<AddressRange> allowFrom) implements FeedSource {
        public Udp {
            if (bindHost.isBlank()) {
                throw new IllegalArgumentException("UDP feed bind host must not be blank");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("UDP feed port must be within 0..65535: " + port);
            }
            allowFrom = List.copyOf(allowFrom);
        }

        /** A port that reads datagrams from any sender. */
        public Udp(String bindHost, int port) {
            this(bindHost, port, List.of());
        }

        /** Whether a datagram from {@code sender} is read: {@code allowFrom} is empty or holds it. */
        public boolean allows(InetAddress sender) {
            return allowFrom.isEmpty() || allowFrom.stream().anyMatch(r -> r.contains(sender));
        }

        /** The same port, reading only datagrams from {@code ranges} (empty: any sender). */
        public Udp allowingOnly(List<AddressRange> ranges) {
            return new Udp(bindHost, port, ranges);
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
