package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ParleyCliTest {
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ParleyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void execute_help_listsDemoCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("demo");
    }

    @Test
    void execute_version_printsBuildVersionAndCommit() {
        System.setProperty("parley.commit", "abc1234");
        try {
            assertThat(run("--version")).isZero();
        } finally {
            System.clearProperty("parley.commit");
        }
        assertThat(out.toString()).startsWith("parley ").contains("commit abc1234");
    }

    @Test
    void execute_unknownCommand_failsWithUsageError() {
        CommandLine cli = ParleyCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("no-such-command")).isEqualTo(2);
        assertThat(err.toString()).contains("no-such-command");
    }
}
