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
 */
public record WatchConfig(
        EncounterConfig encounter,
        Map<Level, SendMode> send,
        List<FeedSpec> feeds,
        Duration feedSilentAfter,
        boolean enabled) {

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
        return new WatchConfig(EncounterConfig.defaults(), defaultSend(), List.of(), Duration.ofMinutes(5), false);
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
