package org.parley.cli.ais;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parley.cli.ParleyCli;

/**
 * Direct entry for {@code parley ais decode}, used by the {@code parley} launcher: the same command
 * as {@link AisDecodeCommand} without building picocli's whole command tree (a third of a second of
 * start-up on one core), and writing straight to the stdout file descriptor. Anything other than
 * {@code [--stats] FILE|-} (help, version, unknown options) goes to {@link ParleyCli} so that
 * messages and exit codes stay picocli's.
 */
public final class AisDecodeMain {
    private AisDecodeMain() {}

    /** {@code args} are those after {@code ais decode}. */
    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset()), true);
        System.exit(run(args, new FileOutputStream(FileDescriptor.out), err));
    }

    /** Runs the command on {@code out} and {@code err}, or on picocli's streams when delegating; returns the exit code. */
    static int run(String[] args, OutputStream out, PrintWriter err) {
        boolean statsOnly = false;
        @Nullable String input = null;
        boolean plain = true;
        for (String arg : args) {
            if ("--stats".equals(arg)) {
                statsOnly = true;
            } else if (input == null && (!arg.startsWith("-") || "-".equals(arg))) {
                input = arg;
            } else {
                plain = false;
            }
        }
        if (!plain || input == null) {
            List<String> all = new ArrayList<>(List.of("ais", "decode"));
            all.addAll(List.of(args));
            return ParleyCli.commandLine().execute(all.toArray(String[]::new));
        }
        return AisDecodeCommand.execute(input, statsOnly, out, err);
    }

    private static Charset charset() {
        String name = System.getProperty("stderr.encoding");
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }
}
