package org.parley.cli.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.cli.ParleyCli;
import org.parley.testing.Corpus;
import picocli.CommandLine;

class AisDecodeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ParleyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void execute_decodeFile_printsOneGpsdObjectPerMessageGpsdecodePrints() {
        String input = Corpus.file("ais/dma_replay_dump.txt").toString();
        List<String> peer = Corpus.lines("ais/peer/dma_replay_dump.txt.gpsdecode.json");

        assertThat(run("ais", "decode", input)).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSameSizeAs(peer);
        for (int i = 0; i < lines.size(); i++) {
            String mmsi = peer.get(i).replaceAll(".*\"mmsi\":(\\d+).*", "$1");
            assertThat(lines.get(i)).startsWith("{\"class\":\"AIS\"").contains("\"mmsi\":" + mmsi + ",");
        }
        // Message 24 halves count as decoded but print as one merged object, as in gpsdecode.
        assertThat(err.toString())
                .contains("lines " + Corpus.lines("ais/dma_replay_dump.txt").size() + ", decoded ");
    }

    @Test
    void execute_statsOnly_printsSummaryWithRejectReasonsAndNoMessages() {
        String input = Corpus.file("ais/pyais_mixed.txt").toString();

        assertThat(run("ais", "decode", "--stats", input)).isZero();

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("decoded 12").contains("not_ais");
    }

    @Test
    void execute_missingFile_failsWithMessage() {
        assertThat(run("ais", "decode", "/no/such/file.nmea")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read /no/such/file.nmea");
    }
}
