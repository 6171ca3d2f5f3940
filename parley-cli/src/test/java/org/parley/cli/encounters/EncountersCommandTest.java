package org.parley.cli.encounters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.ParleyCli;
import picocli.CommandLine;

class EncountersCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ParleyCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /**
     * Two ships head-on 2 NM apart at 10 kn each on the same meridian: they meet after 6 min and
     * the feed runs on until they have passed (a HOTLINE must hold 20 s to be confirmed, issue 17).
     */
    private Path headOn() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("time,target,lat,lon,sog_kn,cog_deg,heading_deg,alt_ft,vrate_fpm,nav_status,ship_type,transponder");
        Instant t0 = Instant.parse("2023-06-03T09:00:00Z");
        for (int s = 0; s <= 420; s += 10) {
            double run = 10.0 * s / 3600 / 60; // degrees of latitude run at 10 kn
            lines.add(String.format(
                    Locale.ROOT,
                    "%s,MMSI:369970093,%.7f,119.0,10,0,,,,0,35,AIS_CLASS_A",
                    t0.plusSeconds(s),
                    24.0 + run));
            lines.add(String.format(
                    Locale.ROOT,
                    "%s,MMSI:412000132,%.7f,119.0005,10,180,,,,0,35,AIS_CLASS_A",
                    t0.plusSeconds(s + 5),
                    24.0 + 2.0 / 60 - run));
        }
        return Files.write(dir.resolve("head-on.csv"), lines);
    }

    @Test
    void replay_headOnShipsWithParties_printsHotlineAndWritesGeoJson() throws IOException {
        Path parties = Files.writeString(dir.resolve("parties.yaml"), "parties: {BLUE: [US], RED: [CN]}\n");
        Path geojson = dir.resolve("out.json");

        int code = run(
                "encounters",
                "replay",
                headOn().toString(),
                "--parties",
                parties.toString(),
                "--geojson",
                geojson.toString(),
                "--cap",
                dir.resolve("cap").toString());

        assertThat(code).isZero();
        assertThat(out.toString()).contains("OPENED").contains("HOTLINE").contains("CLOSED");
        assertThat(Files.readString(geojson)).contains("\"FeatureCollection\"").contains("closest-approach");
        // stderr is not a terminal here (no -Dparley.stderrIsTerminal from the launcher): no bar.
        assertThat(err.toString()).contains("position reports").doesNotContain("%");
        try (var caps = Files.list(dir.resolve("cap"))) {
            assertThat(caps.count()).isPositive();
        }
    }

    @Test
    void replay_stderrIsTerminal_drawsProgressBar() throws IOException {
        System.setProperty("parley.stderrIsTerminal", "true");
        try {
            int code = run("encounters", "replay", headOn().toString());

            assertThat(code).isZero();
            assertThat(err.toString()).contains("100%").contains("position reports");
        } finally {
            System.clearProperty("parley.stderrIsTerminal");
        }
    }

    @Test
    void replay_jsonOutput_isOneObjectPerEvent() throws IOException {
        int code = run("encounters", "replay", "--json", "--no-progress", headOn().toString());

        assertThat(code).isZero();
        assertThat(out.toString().lines())
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l).startsWith("{\"kind\":"));
        assertThat(out.toString()).doesNotContain("HOTLINE"); // no parties: never a hotline
    }

    @Test
    void replay_missingFileOrBadParties_exitsTwoWithReason() throws IOException {
        assertThat(run("encounters", "replay", dir.resolve("nope.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("nope.csv");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "parties: {BLUE: [US], RED: [US]}\n");
        assertThat(run("encounters", "replay", headOn().toString(), "--parties", bad.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("two parties");
    }
}
