package org.parley.flink;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.parley.encounter.EncounterConfig;

/**
 * What every operator of the job must agree on: the rules and parties (as the YAML texts the node
 * reads, since the engine's config is not {@link Serializable}), the sweep clock and the bound on
 * out-of-order reports.
 *
 * <p>The engine's replay sweeps every 10 s of feed time from its first report; the job sweeps at
 * {@code origin + k * every} (k >= 1), so a replay of the same input gives the same sweeps when the
 * origin is its first report's time. A running job takes origin 0 (every 10 s of UTC). {@code end},
 * when set, is where a bounded replay stops: no sweep at or after it, and every encounter still
 * open is closed at it, as {@code encounters replay} closes them at its last report.
 *
 * @param rulesYaml the rules file's text, empty for the defaults
 * @param partiesYaml the parties file's text, empty for none
 */
public record WatchSettings(
        String rulesYaml,
        String partiesYaml,
        long originMillis,
        long everyMillis,
        long outOfOrderMillis,
        long endMillis)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No end: a running job. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    public WatchSettings {
        if (everyMillis <= 0) {
            throw new IllegalArgumentException("everyMillis must be > 0: " + everyMillis);
        }
        if (outOfOrderMillis < 0) {
            throw new IllegalArgumentException("outOfOrderMillis must be >= 0: " + outOfOrderMillis);
        }
    }

    /** Defaults of a running job: default rules, no parties, sweeps every 10 s of UTC, 30 s out of order. */
    public static WatchSettings defaults() {
        return new WatchSettings("", "", 0, 10_000, 30_000, UNBOUNDED);
    }

    public WatchSettings withRules(String yaml) {
        return new WatchSettings(yaml, partiesYaml, originMillis, everyMillis, outOfOrderMillis, endMillis);
    }

    public WatchSettings withParties(String yaml) {
        return new WatchSettings(rulesYaml, yaml, originMillis, everyMillis, outOfOrderMillis, endMillis);
    }

    /** Sweeps 10 s apart from {@code first}, as the engine's replay does from its first report. */
    public WatchSettings withOrigin(Instant first) {
        return new WatchSettings(
                rulesYaml, partiesYaml, first.toEpochMilli(), everyMillis, outOfOrderMillis, endMillis);
    }

    public WatchSettings withOutOfOrder(Duration bound) {
        return new WatchSettings(rulesYaml, partiesYaml, originMillis, everyMillis, bound.toMillis(), endMillis);
    }

    /** A bounded replay whose last report is at {@code last}. */
    public WatchSettings withEnd(Instant last) {
        return new WatchSettings(
                rulesYaml, partiesYaml, originMillis, everyMillis, outOfOrderMillis, last.toEpochMilli());
    }

    /** The engine's config, read from the texts as the node reads its files. */
    public EncounterConfig config() {
        try {
            EncounterConfig config = EncounterConfig.defaults();
            if (!rulesYaml.isBlank()) {
                config = EncounterConfig.readRules(temp("rules", rulesYaml));
            }
            if (!partiesYaml.isBlank()) {
                config = config.withParties(EncounterConfig.readParties(temp("parties", partiesYaml)));
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the watch config: " + e.getMessage(), e);
        }
    }

    private static Path temp(String name, String text) throws IOException {
        Path file = Files.createTempFile("parley-" + name, ".yaml");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file.toAbsolutePath();
        } finally {
            file.toFile().deleteOnExit();
        }
    }

    /** True when a sweep runs at {@code t}. */
    boolean isSweep(long t) {
        return t > originMillis && (t - originMillis) % everyMillis == 0 && t < endMillis;
    }

    /** The first sweep at or after {@code t}. */
    long sweepAtOrAfter(long t) {
        long first = originMillis + everyMillis;
        if (t <= first) {
            return first;
        }
        return originMillis + Math.ceilDiv(t - originMillis, everyMillis) * everyMillis;
    }

    /** The last sweep strictly before {@code t}, or {@link Long#MIN_VALUE} when there was none. */
    long sweepBefore(long t) {
        long first = originMillis + everyMillis;
        if (t <= first) {
            return Long.MIN_VALUE;
        }
        return originMillis + Math.floorDiv(t - originMillis - 1, everyMillis) * everyMillis;
    }

    boolean bounded() {
        return endMillis != UNBOUNDED;
    }
}
