package org.parley.cli.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.cli.ParleyCli;
import org.parley.testing.Corpus;
import picocli.CommandLine;

/** The launcher's direct entry behaves as {@code parley ais decode} through picocli. */
class AisDecodeMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    @Test
    void run_file_printsWhatThePicocliCommandPrints() {
        String input = Corpus.file("ais/gpsd_sample.aivdm").toString();
        StringWriter viaPicocli = new StringWriter();
        CommandLine cli = ParleyCli.commandLine();
        cli.setOut(new PrintWriter(viaPicocli, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(cli.execute("ais", "decode", input)).isZero();

        assertThat(AisDecodeMain.run(new String[] {input}, out, new PrintWriter(err, true)))
                .isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).isNotEmpty().isEqualTo(viaPicocli.toString());
        assertThat(err.toString()).startsWith("lines ");
    }

    @Test
    void run_statsBeforeFile_printsOnlyTheSummary() {
        String input = Corpus.file("ais/pyais_mixed.txt").toString();

        assertThat(AisDecodeMain.run(new String[] {"--stats", input}, out, new PrintWriter(err, true)))
                .isZero();

        assertThat(out.size()).isZero();
        assertThat(err.toString()).contains("decoded 12");
    }

    @Test
    void run_missingFile_exitsOneWithMessage() {
        assertThat(AisDecodeMain.run(new String[] {"/no/such/file.nmea"}, out, new PrintWriter(err, true)))
                .isEqualTo(1);
        assertThat(err.toString()).contains("cannot read /no/such/file.nmea");
    }

    @Test
    void run_unknownOptionOrNoFile_goesToPicocliWithItsUsageExitCode() {
        assertThat(AisDecodeMain.run(new String[] {"--bogus", "x"}, out, new PrintWriter(err, true)))
                .isEqualTo(2);
        assertThat(AisDecodeMain.run(new String[0], out, new PrintWriter(err, true)))
                .isEqualTo(2);
        assertThat(out.size()).isZero();
    }
}
