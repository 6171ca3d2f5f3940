package org.parley.cli.ais;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
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
        PrintWriter err = spec.commandLine().getErr();
        // Picocli's writer may be replaced (tests do); the launcher's direct entry, AisDecodeMain,
        // writes to the stdout file descriptor instead.
        PrintWriter out = spec.commandLine().getOut();
        return execute(input, statsOnly, new WriterOutputStream(out), err);
    }

    /** Runs the decode and prints the summary or the read error on {@code err}; returns the exit code. */
    static int execute(String input, boolean statsOnly, OutputStream out, PrintWriter err) {
        String summary;
        try (InputStream in = AisDecodeRun.open(input)) {
            summary = AisDecodeRun.run(in, out, statsOnly);
        } catch (IOException e) {
            err.println("parley ais decode: cannot read " + input + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        err.println(summary);
        err.flush();
        return 0;
    }

    /** Bytes (the writer's ASCII JSON) onto picocli's character writer, one chunk at a time. */
    private static final class WriterOutputStream extends OutputStream {
        private final PrintWriter writer;

        WriterOutputStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b & 0xFF);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writer.write(new String(b, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
