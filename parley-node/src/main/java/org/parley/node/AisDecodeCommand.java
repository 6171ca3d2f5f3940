package org.parley.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.parley.ais.AisDecoder;
import org.parley.ais.AisResult;
import org.parley.ais.RejectReason;
import org.parley.ais.gpsd.GpsdJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code parley ais decode FILE|-}: one gpsd-style JSON object per decoded message on stdout (same
 * member names and scaling as {@code gpsdecode -j}), a summary of counts and rejects on stderr.
 */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Decode an AIS NMEA file (plain or .gz) or stdin ('-') to gpsd-style JSON lines.")
final class AisDecodeCommand implements Callable<Integer> {
    private static final int FLUSH_CHARS = 1 << 16;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(
            index = "0",
            paramLabel = "FILE|-",
            description = "NMEA file (.gz read as gzip), or - for stdin")
    @SuppressWarnings("NullAway.Init") // set by picocli
    private String input;

    @CommandLine.Option(names = "--stats", description = "Print only the summary (on stderr), no messages.")
    private boolean statsOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AisDecoder decoder = AisDecoder.create();
        GpsdJson json = new GpsdJson();
        long lines = 0;
        long start = System.nanoTime();
        try (BufferedReader reader = open()) {
            StringBuilder sb = new StringBuilder(FLUSH_CHARS + 4096);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                if (decoder.decode(line) instanceof AisResult.Decoded d && !statsOnly && json.append(d.message(), sb)) {
                    sb.append('\n');
                    if (sb.length() >= FLUSH_CHARS) {
                        out.append(sb);
                        sb.setLength(0);
                    }
                }
            }
            out.append(sb);
            out.flush();
        } catch (IOException e) {
            err.println("parley ais decode: cannot read " + input + ": " + e.getMessage());
            return 1;
        }
        summary(err, decoder, lines, System.nanoTime() - start);
        return 0;
    }

    private BufferedReader open() throws IOException {
        InputStream in = "-".equals(input) ? System.in : Files.newInputStream(Path.of(input));
        if (input.endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
    }

    private static void summary(PrintWriter err, AisDecoder decoder, long lines, long nanos) {
        StringBuilder sb = new StringBuilder();
        sb.append("lines ").append(lines).append(", decoded ").append(decoder.decodedCount());
        long rejected = 0;
        for (Map.Entry<RejectReason, Long> e : decoder.rejectCounts().entrySet()) {
            rejected += e.getValue();
        }
        sb.append(", rejected ").append(rejected);
        for (Map.Entry<RejectReason, Long> e : decoder.rejectCounts().entrySet()) {
            sb.append("\n  ")
                    .append(e.getKey().name().toLowerCase(java.util.Locale.ROOT))
                    .append(' ')
                    .append(e.getValue());
        }
        double seconds = nanos / 1e9;
        sb.append(String.format(
                java.util.Locale.ROOT, "%nelapsed %.3f s, %.0f lines/s", seconds, lines / Math.max(seconds, 1e-9)));
        err.println(sb);
        err.flush();
    }
}
