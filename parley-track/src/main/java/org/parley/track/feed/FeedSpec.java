package org.parley.track.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One feed of node.yaml's {@code watch.feeds}: its name (a metrics label), what it carries and
 * where from.
 *
 * <pre>{@code
 * - { name: ais-tcp,  kind: ais,   url: "tcp://127.0.0.1:10110" }
 * - { name: ais-udp,  kind: ais,   url: "udp://0.0.0.0:10111", allowFrom: [192.0.2.7, 198.51.100.0/24] }
 * - { name: dump1090, kind: beast, url: "tcp://127.0.0.1:30005" }
 * - { name: replay,   kind: ais,   file: "scenario.nmea", speed: 60 }
 * }</pre>
 */
public record FeedSpec(String name, FeedKind kind, FeedSource source) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public FeedSpec {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("feed name must be 1-64 letters, digits, '.', '_' or '-', starting"
                    + " with a letter or digit (it labels the feed's metrics): '" + name + "'");
        }
        if (kind == FeedKind.BEAST && source instanceof FeedSource.Udp) {
            throw new IllegalArgumentException("feed '" + name + "': Beast is read over TCP (dump1090/readsb port"
                    + " 30005) or from a file, not UDP");
        }
    }

    /**
     * The feed node.yaml describes. Exactly one of {@code url} ({@code tcp://host:port} or {@code
     * udp://bindhost:port}) and {@code file} must be given; {@code speed} (&gt; 0, 1 = real time) is
     * used by a file only. Every error names the feed and says what to write instead.
     */
    public static FeedSpec parse(String name, String kind, Optional<String> url, Optional<String> file, double speed) {
        FeedKind feedKind;
        try {
            feedKind = FeedKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feed '" + name + "': " + e.getMessage(), e);
        }
        if (url.isPresent() == file.isPresent()) {
            throw new IllegalArgumentException("feed '" + name + "': give exactly one of url (tcp://host:port or"
                    + " udp://bindhost:port) and file (a recording to replay)");
        }
        FeedSource source;
        try {
            source = url.isPresent() ? parseUrl(url.get()) : new FeedSource.Replay(parsePath(file.get()), speed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feed '" + name + "': " + e.getMessage(), e);
        }
        return new FeedSpec(name, feedKind, source);
    }

    /**
     * This spec reading only datagrams from {@code allowFrom} (node.yaml {@code allowFrom: [addresses
     * or CIDR networks]}); each entry as {@link AddressRange#parse} reads it. Only a UDP feed takes
     * it: a TCP feed connects out to its receiver, and a file has no sender.
     */
    public FeedSpec withAllowFrom(List<String> allowFrom) {
        if (allowFrom.isEmpty()) {
            return this;
        }
        if (!(source instanceof FeedSource.Udp udp)) {
            throw new IllegalArgumentException("feed '" + name + "': allowFrom applies to udp:// feeds only (a tcp://"
                    + " feed connects to its receiver, a file has no sender)");
        }
        try {
            return new FeedSpec(
                    name,
                    kind,
                    udp.allowingOnly(allowFrom.stream().map(AddressRange::parse).toList()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feed '" + name + "': " + e.getMessage(), e);
        }
    }

    /** This spec with a relative replay file resolved against {@code directory} (node.yaml's folder). */
    public FeedSpec withBaseDirectory(Path directory) {
        if (source instanceof FeedSource.Replay r && !r.file().isAbsolute()) {
            return new FeedSpec(name, kind, new FeedSource.Replay(directory.resolve(r.file()), r.speed()));
        }
        return this;
    }

    private static Path parsePath(String file) {
        if (file.isBlank()) {
            throw new IllegalArgumentException("file must name a recording, not be blank");
        }
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("file is not a valid path: '" + file + "'", e);
        }
    }

    static FeedSource parseUrl(String url) {
        String hint = " (write tcp://host:port to connect to a receiver, udp://bindhost:port to listen): '" + url + "'";
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL" + hint, e);
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        int port = uri.getPort();
        if (scheme == null || host == null || port < 0 || uri.getRawPath() == null) {
            throw new IllegalArgumentException("url needs a scheme, a host and a port" + hint);
        }
        if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must be scheme://host:port and nothing more" + hint);
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return switch (scheme.toLowerCase(java.util.Locale.ROOT)) {
            case "tcp" -> new FeedSource.Tcp(bare, port);
            case "udp" -> new FeedSource.Udp(bare, port);
            default -> throw new IllegalArgumentException("url scheme must be tcp or udp, not '" + scheme + "'" + hint);
        };
    }
}
