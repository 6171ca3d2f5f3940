package org.parley.cli.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parley.crypto.CryptoException;
import picocli.CommandLine.Option;

/**
 * The passphrase of a keys folder made with {@code keys init --passphrase-file}: every command that
 * opens private keys mixes this in ({@code keys *}, {@code node start}, {@code ledger proof}, {@code
 * ledger verify --config}). From the file's first line, else from {@code PARLEY_KEYS_PASSPHRASE},
 * else none (unencrypted keys).
 */
public final class PassphraseOption {
    /** The environment variable read when no file is given. */
    public static final String ENVIRONMENT = "PARLEY_KEYS_PASSPHRASE";

    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            description = "File whose first line is the passphrase for the private keys;"
                    + " default: environment variable PARLEY_KEYS_PASSPHRASE, else unencrypted.")
    @Nullable
    Path passphraseFile;

    /** The passphrase, if one was given; throws {@link CryptoException} saying what is wrong with the file. */
    public Optional<char[]> passphrase() {
        Path file = passphraseFile;
        if (file != null) {
            try {
                String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("");
                if (first.isEmpty()) {
                    throw new CryptoException("the passphrase file " + file + " is empty");
                }
                return Optional.of(first.toCharArray());
            } catch (IOException e) {
                throw new CryptoException("cannot read the passphrase file " + file + ": " + e.getMessage(), e);
            }
        }
        String fromEnvironment = System.getenv(ENVIRONMENT);
        return fromEnvironment == null || fromEnvironment.isEmpty()
                ? Optional.empty()
                : Optional.of(fromEnvironment.toCharArray());
    }
}
