package org.parley.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, as a newcomer runs it: {@code ./parley demo --once}. */
class DemoIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void demoOnce_fromRepositoryRoot_showsEveryStepWithinOneMinute(@TempDir Path dir) throws Exception {
        Instant start = Instant.now();
        Process process = new ProcessBuilder(
                        REPO.resolve("parley").toString(), "demo", "--once", "--dir", dir.toString())
                .directory(REPO.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(output)
                .contains("BLUE sent FLASH SAFETY")
                .contains("RED received FLASH SAFETY")
                .contains("BLUE got RED's signed receipt")
                .contains("RED duty-officer (li) acknowledged")
                .contains("BLUE sees: ACKNOWLEDGED by duty-officer")
                .contains("BLUE -> peer: answered, round trip")
                .contains("RED -> peer: answered, round trip")
                .contains("NOT ACKNOWLEDGED IN TIME; escalated from duty-officer to watch-supervisor")
                .contains("Demo finished");
        assertThat(output).containsPattern("FLASH\\s+SAFETY\\s+ACKNOWLEDGED\\s+ACKNOWLEDGED");
    }
}
