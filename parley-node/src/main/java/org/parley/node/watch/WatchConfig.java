package org.parley.node.watch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.encounter.EncounterConfig;
import org.parley.encounter.Level;
import org.parley.track.feed.FeedSpec;

/**
 * The {@code watch:} section of node.yaml: which feeds the node reads, whose units are whose, and
 * what the hotline hears at each level (docs/operations.md, "The encounter watch").
 *
 * @param encounter the engine's rules with the parties applied
 * @param send per level: AUTO (FLASH at once), DRAFT (the duty officer confirms) or OFF
 * @param feeds the feeds to read, checked by parley-track's own rules at load; none means the watch only hears {@code POST /api/v1/positions}
 * @param feedSilentAfter a feed quiet this long raises FEED_SILENT
 * @param enabled false when node.yaml has no {@code watch:} section: nothing is watched
 * @param cluster the feed of kind {@code kafka}: incidents from the Flink job instead of the node's
 *     own engine (then {@code feeds} is empty)
 */
public record WatchConfig(
        EncounterConfig encounter,
        Map<Level, SendMode> send,
        List<FeedSpec> feeds,
        Duration feedSilentAfter,
        boolean enabled,
        Optional<ClusterFeed> cluster) {

    /** What an incident level does on the hotline. */
    public enum SendMode {
        /** The FLASH is sent as soon as the level is reached. */
        AUTO,
        /** A draft waits for the duty officer to send or discard it. */
        DRAFT,
        /** Nothing goes to the hotline (the incident is still kept). */
        OFF
    }

    public WatchConfig {
        send = Map.copyOf(send);
        feeds = List.copyOf(feeds);
        if (feedSilentAfter.isNegative() || feedSilentAfter.isZero()) {
            throw new IllegalArgumentException("watch.feedSilentAfter must be > 0: " + feedSilentAfter);
        }
        long names = feeds.stream().map(FeedSpec::name).distinct().count();
        if (names != feeds.size()) {
            throw new IllegalArgumentException("watch.feeds: every feed needs its own name");
        }
        if (cluster.isPresent() && !feeds.isEmpty()) {
            // Both would report the same encounters twice: the cluster's job already watches the
            // feeds, and this node's own engine would open a second incident for each.
            throw new IllegalArgumentException("watch.feeds: a feed of kind kafka brings the incidents of the"
                    + " Flink job; it cannot be combined with position feeds (ais, beast, sbs): send those to the"
                    + " cluster's topics instead");
        }
    }

    /**
     * The watch feed of kind {@code kafka} (issue 21): the Flink job's incident events, read
     * committed from {@code topic}; {@code group} is this node's consumer group, its own (two nodes
     * in one group would each see only part of the topic).
     *
     * <pre>{@code
     * - { name: cluster, kind: kafka, bootstrap: "kafka1:9092,kafka2:9092", topic: parley-incidents, group: parley-BLUE }
     * }</pre>
     */
    public record ClusterFeed(String name, String bootstrapServers, String topic, String group) {
        private static final java.util.regex.Pattern NAME =
                java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
        private static final java.util.regex.Pattern SERVERS =
                java.util.regex.Pattern.compile("[A-Za-z0-9.\\[\\]:_-]+:\\d{1,5}(,[A-Za-z0-9.\\[\\]:_-]+:\\d{1,5})*");
        /** Kafka's own rule for topic names. */
        private static final java.util.regex.Pattern TOPIC = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,249}");

        public ClusterFeed {
            String where = "feed '" + name + "' (kind kafka): ";
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + "name must be 1-64 letters, digits, '.', '_' or '-'");
            }
            if (!SERVERS.matcher(bootstrapServers).matches()) {
                throw new IllegalArgumentException(where
                        + "bootstrap must list the brokers as host:port[,host:port...]: '" + bootstrapServers + "'");
            }
            if (!TOPIC.matcher(topic).matches()) {
                throw new IllegalArgumentException(
                        where + "topic must be 1-249 letters, digits, '.', '_' or '-': '" + topic + "'");
            }
            if (group.isBlank() || group.length() > 255) {
                throw new IllegalArgumentException(where + "group must name this node's own consumer group (e.g."
                        + " parley-BLUE): every node reads every incident, so no two nodes may share one");
            }
        }
    }

    /** The defaults: UNSAFE drafted for the duty officer, HOTLINE sent at once (issue 17). */
    public static Map<Level, SendMode> defaultSend() {
        Map<Level, SendMode> send = new EnumMap<>(Level.class);
        send.put(Level.WATCH, SendMode.OFF);
        send.put(Level.UNSAFE, SendMode.DRAFT);
        send.put(Level.HOTLINE, SendMode.AUTO);
        return send;
    }

    /** No {@code watch:} section: the engine idles, the routes answer with empty lists. */
    public static WatchConfig disabled() {
        return new WatchConfig(
                EncounterConfig.defaults(), defaultSend(), List.of(), Duration.ofMinutes(5), false, Optional.empty());
    }

    /** What {@code level} does on the hotline (WATCH never reaches it). */
    public SendMode mode(Level level) {
        return level == Level.WATCH ? SendMode.OFF : send.getOrDefault(level, SendMode.OFF);
    }

    /** Resolves the parties and rules files of node.yaml against the config's folder. */
    public static EncounterConfig rulesFrom(Optional<Path> rules, Optional<Path> parties) {
        EncounterConfig config = rules.map(EncounterConfig::readRules).orElseGet(EncounterConfig::defaults);
        return parties.map(p -> config.withParties(EncounterConfig.readParties(p)))
                .orElse(config);
    }
}
