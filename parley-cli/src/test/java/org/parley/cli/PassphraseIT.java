package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cli.operator.OperatorClient;
import org.parley.crypto.PartyIdentity;
import org.parley.node.NodeConfigFile;
import org.parley.testing.Ports;
import org.parley.wire.Party;

/**
 * Issue 19, item 11: keys made with a passphrase ({@code keys init --passphrase-file}) work with
 * {@code node start} (passphrase from PARLEY_KEYS_PASSPHRASE, in a real process from the built jar)
 * and with the commands that open keys offline ({@code ledger verify --config}, {@code ledger proof}).
 */
class PassphraseIT {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path root;

    private Path config;
    private int operatorPort;

    @BeforeEach
    void encryptedKeys() throws Exception {
        SecureRandom random = new SecureRandom();
        List<String> hosts = List.of("localhost", "127.0.0.1");
        PartyIdentity blue = PartyIdentity.init(
                root.resolve("blue/keys"),
                Party.of("BLUE"),
                hosts,
                Optional.of(PASSPHRASE.toCharArray()),
                InstantSource.system(),
                random);
        PartyIdentity red = PartyIdentity.init(
                root.resolve("red/keys"), Party.of("RED"), hosts, Optional.empty(), InstantSource.system(), random);
        blue.pinEachOther(red);
        assertThat(Files.readString(root.resolve("blue/keys/tls.key"))).contains("ENCRYPTED");
        operatorPort = Ports.freePort();
        config = NodeConfigFile.of("BLUE", "RED")
                .keys("blue/keys")
                .sqlite(root.resolve("blue/store.db"))
                .federation(Ports.freePort(), Ports.freePort())
                .operator(operatorPort)
                .token("blue-officer", "alice", "DUTY_OFFICER")
                .write(root.resolve("blue.yaml"));
        Files.writeString(root.resolve("passphrase"), PASSPHRASE + "\n");
    }

    @Test
    void nodeStart_encryptedKeysPassphraseInEnvironment_serves() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of("target/parley.jar").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(
                        java, "-jar", jar.toString(), "node", "start", "--config", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("node.log").toFile());
        builder.environment().put("PARLEY_KEYS_PASSPHRASE", PASSPHRASE);
        Process process = builder.start();
        try {
            OperatorClient client = new OperatorClient(
                    URI.create("https://127.0.0.1:" + operatorPort + "/"),
                    "blue-officer",
                    root.resolve("blue/keys/ca.crt"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String status = "";
            while (System.nanoTime() < deadline && process.isAlive() && !status.equals("UP")) {
                try {
                    status = client.get("health").path("status").asText();
                } catch (RuntimeException e) {
                    Thread.sleep(200);
                }
            }
            assertThat(status).as(Files.readString(root.resolve("node.log"))).isEqualTo("UP");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void ledgerVerifyConfig_encryptedKeysPassphraseFile_audits() {
        CliRun without = CliRun.of("ledger", "verify", "--config", config.toString());
        assertThat(without.code()).isNotZero();
        assertThat(without.err()).contains("passphrase");

        CliRun audit = CliRun.of(
                "ledger",
                "verify",
                "--config",
                config.toString(),
                "--passphrase-file",
                root.resolve("passphrase").toString());
        assertThat(audit.code()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).contains("VERIFIED");
    }

    @Test
    void ledgerProof_encryptedKeysPassphraseFile_readsTheKeys() {
        CliRun proof = CliRun.of(
                "ledger",
                "proof",
                "--config",
                config.toString(),
                "--envelope",
                "0192f000-0000-7000-8000-000000000000",
                "--out",
                root.resolve("none.json").toString(),
                "--passphrase-file",
                root.resolve("passphrase").toString());
        // The keys open; the envelope is unknown, and the command says so (not a key error).
        assertThat(proof.err()).contains("0192f000-0000-7000-8000-000000000000").doesNotContain("encrypted");
    }
}
