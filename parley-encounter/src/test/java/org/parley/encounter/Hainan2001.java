package org.parley.encounter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;

/**
 * The 1 April 2001 collision south-east of Hainan (docs/scenarios.md, scenario d), for other
 * modules' tests: the node's emergency flow replays the air encounter, then declares the EP-3E's
 * emergency and requests the landing at Lingshui. Shipped in this module's test-jar.
 */
public final class Hainan2001 {
    /** The USN EP-3E (BuNo 156511), party BLUE in {@link #partiesYaml()}. */
    public static final TargetId EP3E = Scenarios.EP3E;

    /** The PLAN J-8II flown by Wang Wei, party RED. */
    public static final TargetId J8 = Scenarios.J8;

    /** Where the damaged EP-3E landed, 26 minutes after the collision. */
    public static final String LANDING_AIRFIELD = "Lingshui";

    /** Souls on board the EP-3E. */
    public static final int SOULS_ON_BOARD = 24;

    private Hainan2001() {}

    /** The instant of contact in the reconstruction: 09:15 local, 01:15 UTC. */
    public static Instant collision() {
        return Scenarios.j8().at(Scenarios.J8_CONTACT_SECONDS);
    }

    /** What both aircraft transmit, time-ordered (true positions rounded as ADS-B rounds them). */
    public static List<PositionReport> reports() {
        return Scenarios.j8().reports();
    }

    /** The same reports after a round trip through ADS-B frames and the decoder, as a receiver hears them. */
    public static List<PositionReport> reportsThroughAdsb() {
        return Scenarios.j8().reportsThroughAdsb();
    }

    /** The same reports as lines of the synthetic CSV format ({@code org.parley.track.csv.ReportCsv}). */
    public static List<String> csv() {
        return Scenarios.j8().csv();
    }

    /** The parties file of the scenarios (BLUE = US, CA, JP, AU; RED = CN; every unit named). */
    public static String partiesYaml() {
        try (InputStream in = Objects.requireNonNull(
                Hainan2001.class.getResourceAsStream("scenario-parties.yaml"), "scenario-parties.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
