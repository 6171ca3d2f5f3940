package org.parley.cli.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.ais.AisDecoder;
import org.parley.ais.AisResult;
import org.parley.ais.gpsd.GpsdJson;
import org.parley.testing.Corpus;

/** The byte pipeline prints what the text pipeline (line Strings, StringBuilder JSON) prints. */
class AisDecodeRunTest {
    @Test
    void run_realCorpusAnyBufferSize_sameOutputAsTextPipeline() throws IOException {
        byte[] input = Files.readAllBytes(Corpus.file("ais/gpsd_ais-nmea.log"));
        String expected = textPipeline(new String(input, StandardCharsets.ISO_8859_1));

        for (int readBytes : new int[] {7, 100, 4096, 1 << 20}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String summary = AisDecodeRun.run(new ByteArrayInputStream(input), out, false, readBytes);

            assertThat(out.toString(StandardCharsets.UTF_8))
                    .as("buffer %d", readBytes)
                    .isEqualTo(expected);
            assertThat(summary).startsWith("lines " + lineCount(new String(input, StandardCharsets.ISO_8859_1)) + ",");
        }
    }

    @Test
    void run_mixedLineEnds_splitsAsBufferedReader() throws IOException {
        String type1 = "!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3E";
        String text = type1 + "\r\n" + type1 + "\r" + type1 + "\n\n\r\r\n" + type1 + "\r\r" + type1;
        for (int readBytes : new int[] {5, 49, 50, 51, 52, 1 << 20}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String summary = AisDecodeRun.run(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), out, false, readBytes);

            assertThat(summary).as("buffer %d", readBytes).startsWith("lines " + lineCount(text) + ", decoded 5,");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(textPipeline(text));
        }
    }

    @Test
    void run_placeholderTagBlockChecksums_countedInSummaryAndDecoded() throws IOException {
        // amsa_nmea-timestamped.txt: 100 tag blocks, every one with the placeholder checksum *00.
        byte[] input = Files.readAllBytes(Corpus.file("ais/amsa_nmea-timestamped.txt"));

        String summary = AisDecodeRun.run(new ByteArrayInputStream(input), OutputStream.nullOutputStream(), true);

        assertThat(summary).contains("tag blocks with a wrong checksum 100 (decoded anyway");
        assertThat(summary).doesNotContain("bad_checksum");
    }

    @Test
    void run_statsOnly_writesNothing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] input = Files.readAllBytes(Corpus.file("ais/pyais_mixed.txt"));

        String summary = AisDecodeRun.run(new ByteArrayInputStream(input), out, true);

        assertThat(out.size()).isZero();
        assertThat(summary).contains("decoded 12");
    }

    private static String textPipeline(String text) throws IOException {
        AisDecoder decoder = AisDecoder.create();
        GpsdJson json = new GpsdJson();
        StringBuilder sb = new StringBuilder();
        for (String line : readLines(text)) {
            if (decoder.decode(line) instanceof AisResult.Decoded d && json.append(d.message(), sb)) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static int lineCount(String text) throws IOException {
        return readLines(text).size();
    }

    private static List<String> readLines(String text) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
