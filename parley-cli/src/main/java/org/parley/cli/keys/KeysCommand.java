package org.parley.cli.keys;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parley.cli.GroupCommand;
import org.parley.crypto.CryptoException;
import org.parley.crypto.Fingerprint;
import org.parley.crypto.PartyIdentity;
import org.parley.crypto.VerificationException;
import org.parley.wire.KeyId;
import org.parley.wire.Party;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley keys}: create a party's keys, show their fingerprints for reading over the phone, pin
 * the peer CA, rotate the signing key (docs/decisions.md, decision 2).
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Create and show party keys; pin the peer CA.",
        subcommands = {
            KeysCommand.Init.class,
            KeysCommand.Show.class,
            KeysCommand.Trust.class,
            KeysCommand.Rotate.class,
            KeysCommand.Revoke.class
        })
public final class KeysCommand extends GroupCommand {

    /** Options every keys sub-command shares. */
    static final class Common {
        @Option(names = "--dir", defaultValue = "keys", description = "Keys folder (default: ${DEFAULT-VALUE}).")
        @SuppressWarnings("NullAway.Init")
        Path dir;

        @CommandLine.Mixin
        @SuppressWarnings("NullAway.Init")
        PassphraseOption passphraseOption;

        Optional<char[]> passphrase() {
            return passphraseOption.passphrase();
        }

        PartyIdentity load() {
            return PartyIdentity.load(dir, passphrase(), new SecureRandom());
        }
    }

    /** Runs a sub-command body, turning key problems into a one-line error and exit code 1. */
    abstract static class Base implements Callable<Integer> {
        @CommandLine.Spec
        @SuppressWarnings("NullAway.Init")
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        @SuppressWarnings("NullAway.Init")
        Common common;

        abstract void run(PrintWriter out);

        @Override
        public Integer call() {
            try {
                run(spec.commandLine().getOut());
                return 0;
            } catch (CryptoException | VerificationException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("parley keys " + spec.name() + ": " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(
            name = "init",
            mixinStandardHelpOptions = true,
            description = "Create a party CA, node TLS certificate and signing key.")
    static final class Init extends Base {
        @Option(names = "--party", required = true, description = "This party's name, e.g. BLUE.")
        @SuppressWarnings("NullAway.Init")
        String party;

        @Option(
                names = "--host",
                split = ",",
                defaultValue = "localhost,127.0.0.1,::1",
                description = "Host names and addresses for the node TLS certificate (default: ${DEFAULT-VALUE}).")
        List<String> hosts = new ArrayList<>();

        @Override
        void run(PrintWriter out) {
            PartyIdentity identity = PartyIdentity.init(
                    common.dir,
                    new Party(party),
                    hosts,
                    common.passphrase(),
                    InstantSource.system(),
                    new SecureRandom());
            out.println("Created keys for party " + identity.party() + " in " + common.dir
                    + (common.passphrase().isPresent()
                            ? " (private keys encrypted)"
                            : " (private keys NOT encrypted)"));
            out.println("Move " + common.dir.resolve("ca.key")
                    + " to offline storage; it is needed only for 'keys rotate'.");
            KeysReport.print(identity, out);
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Print fingerprints to read out over the phone.")
    static final class Show extends Base {
        @Option(names = "--json", description = "Print JSON for scripts.")
        boolean json;

        @Override
        void run(PrintWriter out) {
            PartyIdentity identity = common.load();
            if (json) {
                out.println(KeysReport.json(identity));
            } else {
                KeysReport.print(identity, out);
            }
        }
    }

    @Command(
            name = "trust",
            mixinStandardHelpOptions = true,
            description = "Pin the other party's CA (and learn its signing certificates).")
    static final class Trust extends Base {
        @Option(names = "--peer-ca", required = true, description = "The peer party's CA certificate (PEM or DER).")
        @SuppressWarnings("NullAway.Init")
        Path peerCa;

        @Option(names = "--peer-signing", description = "Peer signing certificates to accept (repeatable).")
        List<Path> peerSigning = new ArrayList<>();

        @Override
        void run(PrintWriter out) {
            PartyIdentity identity = common.load();
            Fingerprint fingerprint = identity.trustPeerCa(read(peerCa));
            out.println("Pinned the peer CA. Check this fingerprint with the other party, group by group:");
            out.println(fingerprint.forReading());
            for (Path file : peerSigning) {
                KeyId id = identity.learnPeerSigningCertificate(read(file));
                out.println("Accepted peer signing key " + id);
            }
        }
    }

    @Command(
            name = "rotate",
            mixinStandardHelpOptions = true,
            description = "Issue a new signing key with the party CA; old envelopes stay verifiable.")
    static final class Rotate extends Base {
        @Override
        void run(PrintWriter out) {
            PartyIdentity identity = common.load();
            KeyId id = identity.rotateSigningKey(InstantSource.system());
            out.println("New signing key " + id + " is now current. Give the peer its certificate:");
            out.println(common.dir.resolve("signing").resolve(id.hex() + ".crt"));
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke one of this party's signing keys with the party CA (after rotating away from it).")
    static final class Revoke extends Base {
        @Option(names = "--key", required = true, description = "The key id to revoke (32 hex digits).")
        String key = "";

        @Option(
                names = "--from",
                description = "Envelopes it signed from this UTC time on are refused (RFC 3339; default: now).")
        String from = "";

        @Override
        void run(PrintWriter out) {
            PartyIdentity identity = common.load();
            java.time.Instant at;
            try {
                at = from.isEmpty() ? java.time.Instant.now() : java.time.Instant.parse(from);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--from must be a UTC time such as 2026-12-05T18:00:00Z: " + from, e);
            }
            identity.revokeSigningKey(new KeyId(key), at, InstantSource.system());
            out.println("Revoked signing key " + key + " from " + at + " in " + common.dir.resolve("revoked.crl")
                    + ", signed by the party CA.");
            out.println("The node sends it to the peer with every delivery after its next start.");
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CryptoException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String pem(X509Certificate certificate) {
        return PartyIdentity.pem(certificate);
    }
}
