package org.parley.encounter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * The engine's events for two of the incident scenarios of docs/scenarios.md, for modules that
 * carry incident events elsewhere (parley-kafka, the node's {@code kafka} feed) and need real ones.
 */
public final class ScenarioEvents {
    private ScenarioEvents() {}

    /** USS Chung-Hoon and the Luyang III (2023): a bow crossing between BLUE and RED ships, through AIS. */
    public static List<EncounterEvent> chungHoon() {
        return ScenarioTest.replay(
                new EncounterEngine(config()), Scenarios.chungHoon().reportsThroughAis());
    }

    /** The RC-135 and the J-16 (2022): an air intercept between BLUE and RED, through ADS-B. */
    public static List<EncounterEvent> j16() {
        return ScenarioTest.replay(
                new EncounterEngine(config()), Scenarios.j16().reportsThroughAdsb());
    }

    /** The engine's defaults with the scenarios' parties: BLUE = US, CA, JP, AU; RED = CN. */
    public static EncounterConfig config() {
        return EncounterConfig.defaults().withParties(EncounterConfig.readParties(partiesFile()));
    }

    /** scenario-parties.yaml as a file (from this test jar, where a resource is no file of its own). */
    public static Path partiesFile() {
        try (InputStream in = Objects.requireNonNull(
                ScenarioEvents.class.getResourceAsStream("scenario-parties.yaml"), "scenario-parties.yaml")) {
            Path file = Files.createTempFile("scenario-parties", ".yaml");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
