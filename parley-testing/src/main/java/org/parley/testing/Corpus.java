package org.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * The shared corpora of real feeds and peer decodes, kept beside the repository in {@code
 * ../shared/data} (read-only).
 *
 * <p>The folder is found from, in order: the system property {@code parley.data}, the environment
 * variable {@code PARLEY_DATA}, then a {@code shared/data} folder beside the working directory or
 * any of its parents. A test that needs a file the corpus does not have fails with a message that
 * says where it looked, so a missing checkout is never mistaken for a decoder bug. Only when the
 * environment says {@code PARLEY_DATA_OPTIONAL=true} does a missing corpus abort (skip) the test
 * instead.
 */
public final class Corpus {
    private static final String PROPERTY = "parley.data";
    private static final String ENVIRONMENT = "PARLEY_DATA";

    /**
     * The AIS feed files under {@code ais/} that have a peer decode beside them in {@code ais/peer/}
     * ({@code <file>.libais.json}, {@code <file>.gpsdecode.json}): the differential tests run over
     * this one list, so a file added to the corpus is compared with every peer or with none.
     */
    private static final List<String> AIS_FEED_FILES = List.of(
            "amsa_ais.part1.txt",
            "amsa_exact-earth-augmented-2.txt",
            "amsa_exact-earth-augmented.txt",
            "amsa_nmea-timestamped.txt",
            "dma_ais250.txt",
            "dma_decode_encode_messages.txt",
            "dma_replay_dump.txt",
            "dma_small_cb_example.txt",
            "gpsd_ais-nmea-type6-fid55.log",
            "gpsd_ais-nmea.log",
            "gpsd_ais-raw-messages.log",
            "gpsd_sample.aivdm",
            "libais_tagblock.nmea",
            "pyais_ais_test_messages",
            "pyais_messages.ais",
            "pyais_mixed.txt",
            "pyais_nmea_data_sample.txt",
            "pyais_timestamped.ais");

    private Corpus() {}

    /**
     * The names (relative to {@code ais/}) of the AIS feed files that peer decoders were run on; a
     * {@code @MethodSource("org.parley.testing.Corpus#aisFeedFiles")} for differential tests.
     */
    public static List<String> aisFeedFiles() {
        return AIS_FEED_FILES;
    }

    /** The corpus root folder. */
    public static Path root() {
        Optional<Path> found = locate();
        if (found.isPresent()) {
            return found.get();
        }
        String message = "The shared data corpus was not found. Looked at -D" + PROPERTY + ", $" + ENVIRONMENT
                + " and shared/data beside " + Path.of("").toAbsolutePath()
                + " and its parents. Check out the shared folder next to the repository or set " + ENVIRONMENT
                + ".";
        if ("true".equalsIgnoreCase(System.getenv("PARLEY_DATA_OPTIONAL"))) {
            throw new TestAbortedException(message);
        }
        throw new IllegalStateException(message);
    }

    /** A file of the corpus, e.g. {@code file("ais/gpsd_sample.aivdm")}; fails if it is absent. */
    public static Path file(String relative) {
        Path path = root().resolve(relative).normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("Corpus file missing: " + path + " (corpus root " + root() + ")");
        }
        return path;
    }

    /** All lines of a corpus file, read as UTF-8. */
    public static List<String> lines(String relative) {
        try {
            return Files.readAllLines(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read corpus file " + relative, e);
        }
    }

    /** All bytes of a corpus file. */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read corpus file " + relative, e);
        }
    }

    static Optional<Path> locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENVIRONMENT);
        }
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured).toAbsolutePath().normalize();
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
