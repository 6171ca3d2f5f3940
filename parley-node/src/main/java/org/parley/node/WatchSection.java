package org.parley.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.parley.encounter.Level;
import org.parley.node.watch.WatchConfig;
import org.parley.track.feed.FeedSpec;

/**
 * Reads node.yaml's {@code watch:} section (docs/operations.md, "The encounter watch"):
 *
 * <pre>
 * watch:
 *   parties: parties.yaml          # same format as `encounters replay --parties`
 *   rules: rules.yaml              # optional; the engine's defaults otherwise
 *   send: { UNSAFE: draft, HOTLINE: auto }   # per level: auto, draft or off
 *   feedSilentAfter: PT5M          # FEED_SILENT after this long without a message
 *   feeds:
 *     - { name: ais-tcp, kind: ais, url: "tcp://127.0.0.1:10110" }
 *     - { name: ais-udp, kind: ais, url: "udp://0.0.0.0:10111", allowFrom: [192.0.2.7, 198.51.100.0/24] }
 *     - { name: replay, kind: ais, file: "scenario.nmea", speed: 60 }
 *   # or, instead of position feeds, the Flink job's incidents (docs/scale-out.md):
 *   #  - { name: cluster, kind: kafka, bootstrap: "kafka1:9092", topic: parley-incidents, group: parley-BLUE }
 * </pre>
 *
 * Files are relative to node.yaml's folder. A section that is absent leaves the watch off.
 */
final class WatchSection {
    private static final Set<String> FEED_KEYS = Set.of("name", "kind", "url", "file", "speed", "allowFrom");
    private static final Set<String> CLUSTER_KEYS = Set.of("name", "kind", "bootstrap", "topic", "group");

    private WatchSection() {}

    static WatchConfig parse(JsonNode node, Path base) {
        if (node.isMissingNode() || node.isNull()) {
            return WatchConfig.disabled();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("node config: 'watch' must be a mapping (parties, rules, send, feeds)");
        }
        return new WatchConfig(
                WatchConfig.rulesFrom(file(node, "rules", base), file(node, "parties", base)),
                send(node.path("send")),
                feeds(node.path("feeds"), base),
                NodeConfig.duration(node.path("feedSilentAfter"), "watch.feedSilentAfter", Duration.ofMinutes(5)),
                true,
                cluster(node.path("feeds")));
    }

    private static Optional<Path> file(JsonNode node, String name, Path base) {
        JsonNode value = node.path(name);
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("node config: 'watch." + name + "' must be a file name");
        }
        return Optional.of(base.resolve(value.asText()));
    }

    private static Map<Level, WatchConfig.SendMode> send(JsonNode node) {
        Map<Level, WatchConfig.SendMode> send = new EnumMap<>(WatchConfig.defaultSend());
        node.properties().forEach(e -> {
            // YAML 1.1 reads a bare `off` as the boolean false: that is what the operator wrote.
            String text = e.getValue().isBoolean() && !e.getValue().asBoolean()
                    ? "off"
                    : e.getValue().asText("");
            try {
                send.put(Level.valueOf(e.getKey()), WatchConfig.SendMode.valueOf(text.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(
                        "watch.send." + e.getKey() + " must be auto, draft or off, not '" + text + "'", ex);
            }
        });
        if (send.get(Level.WATCH) != WatchConfig.SendMode.OFF) {
            throw new IllegalArgumentException(
                    "watch.send.WATCH must be off: a WATCH-level encounter is for our own watch floor, not the hotline");
        }
        return send;
    }

    private static List<FeedSpec> feeds(JsonNode node, Path base) {
        List<FeedSpec> feeds = new ArrayList<>();
        if (node.isMissingNode()) {
            return feeds;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("watch.feeds must be a list of {name, kind, url | file, speed}");
        }
        for (JsonNode feed : node) {
            if (isCluster(feed)) {
                continue;
            }
            String name = feed.path("name").asText("");
            feed.properties().forEach(e -> {
                if (!FEED_KEYS.contains(e.getKey())) {
                    throw new IllegalArgumentException("watch.feeds." + name + ": unknown key '" + e.getKey()
                            + "'; a feed has name, kind, url or file, speed, and allowFrom (udp)");
                }
            });
            try {
                // The readers' own rules, at load: a wrong kind or URL stops the start with what to write.
                feeds.add(FeedSpec.parse(
                                name,
                                feed.path("kind").asText(""),
                                Optional.ofNullable(feed.get("url")).map(JsonNode::asText),
                                Optional.ofNullable(feed.get("file")).map(JsonNode::asText),
                                feed.path("speed").asDouble(1))
                        .withAllowFrom(allowFrom(feed.path("allowFrom"), name))
                        .withBaseDirectory(base));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("watch.feeds: " + e.getMessage(), e);
            }
        }
        return feeds;
    }

    /** A UDP feed's allowed senders: a list of IP addresses or CIDR networks; absent, any sender. */
    private static List<String> allowFrom(JsonNode node, String feed) {
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new IllegalArgumentException("watch.feeds." + feed + ".allowFrom must be a non-empty list of IP"
                    + " addresses or networks, e.g. [192.0.2.7, 198.51.100.0/24]; leave it out to read any sender");
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static boolean isCluster(JsonNode feed) {
        return feed.path("kind").asText("").strip().equalsIgnoreCase("kafka");
    }

    /** The feed of kind {@code kafka}, if any: at most one. */
    private static Optional<WatchConfig.ClusterFeed> cluster(JsonNode node) {
        List<WatchConfig.ClusterFeed> found = new ArrayList<>();
        for (JsonNode feed : node) {
            if (!isCluster(feed)) {
                continue;
            }
            String name = feed.path("name").asText("");
            feed.properties().forEach(e -> {
                if (!CLUSTER_KEYS.contains(e.getKey())) {
                    throw new IllegalArgumentException("watch.feeds." + name + ": unknown key '" + e.getKey()
                            + "'; a feed of kind kafka has name, bootstrap, topic and group");
                }
            });
            try {
                found.add(new WatchConfig.ClusterFeed(
                        name,
                        feed.path("bootstrap").asText(""),
                        feed.path("topic").asText(""),
                        feed.path("group").asText("")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("watch.feeds: " + e.getMessage(), e);
            }
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException(
                    "watch.feeds: at most one feed of kind kafka (the job's incident topic)");
        }
        return found.stream().findFirst();
    }
}
