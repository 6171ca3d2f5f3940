package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the repository's {@code ./parley} launcher as a user would. */
class LauncherIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    record Result(int exitCode, String stdout, String stderr) {}

    private static Result run(Map<String, String> env, List<String> unset, String... args)
            throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add(REPO.resolve("parley").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPO.toFile());
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out, err);
    }

    @Test
    void version_fromRepositoryRoot_printsVersionAndCommit() throws Exception {
        Result result = run(Map.of(), List.of(), "--version");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).matches("(?s)parley \\S+ \\(commit ([0-9a-f]{7,}|unknown)\\).*");
    }

    @Test
    void help_fromRepositoryRoot_listsCommands() throws Exception {
        Result result = run(Map.of(), List.of(), "--help");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("demo", "keys", "ais", "adsb");
    }

    @Test
    void launcher_noJdkAnywhere_exitsOneWithInstruction(@TempDir Path empty) throws Exception {
        Files.createDirectories(empty.resolve("jvm"));
        Result result = run(
                Map.of("PARLEY_JDK_SEARCH_PATH", empty.resolve("jvm").toString(), "PATH", "/usr/bin:/bin"),
                List.of("JAVA_HOME"),
                "--help");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("no JDK 21 or newer was found").contains("apt-get install");
        assertThat(result.stderr()).doesNotContain("Exception");
    }
}
