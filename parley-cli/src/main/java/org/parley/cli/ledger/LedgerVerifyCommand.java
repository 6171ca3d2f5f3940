package org.parley.cli.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.parley.cli.keys.PassphraseOption;
import org.parley.ledger.AuditReport;
import org.parley.ledger.BundleReport;
import org.parley.ledger.Ledger;
import org.parley.node.HotlineNode;
import org.parley.node.NodeConfig;
import org.parley.node.record.RecordAudit;
import org.parley.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code parley ledger verify BUNDLE --peer-ca FILE}: checks a proof bundle offline (no node, no
 * network) and prints every check with what it found. Exit 0 when all pass, 1 when any fails, 2
 * when the input cannot be read.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check a proof bundle offline against pinned party CA certificates; says exactly what fails.",
            "With --config node.yaml and no BUNDLE: recompute the node's tree from its store and check every stored head."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every check passed", "1:a check failed", "2:the input could not be read"})
final class LedgerVerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "BUNDLE", description = "proof bundle JSON")
    private @Nullable Path bundle;

    @CommandLine.Option(
            names = "--peer-ca",
            paramLabel = "FILE",
            description = "the other party's CA certificate (PEM or DER); repeatable")
    private List<Path> peerCas = new ArrayList<>();

    @CommandLine.Option(
            names = "--own-ca",
            paramLabel = "FILE",
            description = "your own party's CA certificate, to check your countersignature; repeatable")
    private List<Path> ownCas = new ArrayList<>();

    @CommandLine.Option(names = "--json", description = "print the report as JSON")
    private boolean json;

    @CommandLine.Option(
            names = "--config",
            paramLabel = "FILE",
            description = "without BUNDLE: audit this node's own store (recompute the tree, check every stored head)")
    private @Nullable Path config;

    @CommandLine.Mixin
    @SuppressWarnings("NullAway.Init") // set by picocli
    private PassphraseOption passphrase;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = bundle;
        if (file == null) {
            Path nodeConfig = config;
            if (nodeConfig == null) {
                err.println("parley ledger verify: give a proof BUNDLE to check offline, or --config node.yaml to"
                        + " audit a node's own store.");
                return 2;
            }
            return audit(nodeConfig, out, err);
        }
        if (peerCas.isEmpty()) {
            err.println("parley ledger verify: give the other party's CA certificate with --peer-ca FILE.");
            return 2;
        }
        Optional<String> text = read(file, err);
        Optional<List<X509Certificate>> cas = certificates(err);
        if (text.isEmpty() || cas.isEmpty()) {
            return 2;
        }
        BundleReport report = Ledger.verifyBundle(text.get(), cas.get());
        if (json) {
            out.println(toJson(file, report));
        } else {
            print(file, report, out);
        }
        return report.ok() ? 0 : 1;
    }

    /** Deliverable 5 of issue 10: recompute the node's tree from its store and check every stored head. */
    private int audit(Path nodeConfig, PrintWriter out, PrintWriter err) {
        Optional<NodeConfig> loaded = OfflineNode.config(nodeConfig, err, "parley ledger verify");
        if (loaded.isEmpty()) {
            return 2;
        }
        RecordAudit audit;
        try (Store store = HotlineNode.openStore(loaded.get(), InstantSource.system())) {
            audit = OfflineNode.ledger(loaded.get(), store, passphrase.passphrase())
                    .audit();
        } catch (RuntimeException e) {
            err.println("parley ledger verify: cannot audit the store of " + nodeConfig + ": " + e.getMessage());
            return 2;
        }
        AuditReport report = audit.ledger();
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("config", nodeConfig.toString());
            root.put("verified", audit.ok());
            root.put("treeSize", report.leafCount());
            root.put("rootHash", report.rootHash().toHex());
            root.put("headsChecked", report.headsChecked());
            root.put("rowsChecked", audit.rowsChecked());
            ArrayNode problems = root.putArray("problems");
            audit.problems().forEach(problems::add);
            out.println(root);
        } else {
            out.println("recomputed the record of " + loaded.get().party() + " from " + report.leafCount()
                    + " stored leaves: root " + report.rootHash().toHex());
            audit.problems().forEach(p -> out.println("FAIL  " + p));
            out.println(
                    audit.ok()
                            ? "VERIFIED: all " + report.headsChecked() + " stored tree heads match the stored leaves,"
                                    + " and all " + audit.rowsChecked() + " stored envelopes, receipts and"
                                    + " acknowledgments match their signatures and leaves"
                            : "NOT VERIFIED: " + audit.problems().size() + " problems in " + report.headsChecked()
                                    + " stored tree heads and " + audit.rowsChecked() + " stored signed rows");
        }
        return audit.ok() ? 0 : 1;
    }

    private static void print(Path file, BundleReport report, PrintWriter out) {
        for (BundleReport.Check check : report.checks()) {
            out.println((check.passed() ? "PASS  " : "FAIL  ") + check.name() + ": " + check.detail());
        }
        out.println(
                report.ok()
                        ? file + ": VERIFIED, every check passed"
                        : file + ": NOT VERIFIED, " + report.failures().size() + " of "
                                + report.checks().size() + " checks failed");
    }

    private static String toJson(Path file, BundleReport report) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("bundle", file.toString());
        root.put("verified", report.ok());
        ArrayNode checks = root.putArray("checks");
        for (BundleReport.Check check : report.checks()) {
            checks.addObject()
                    .put("name", check.name())
                    .put("passed", check.passed())
                    .put("detail", check.detail());
        }
        return root.toString();
    }

    private static Optional<String> read(Path file, PrintWriter err) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("parley ledger verify: cannot read the bundle " + file + ": " + e);
            return Optional.empty();
        }
    }

    private Optional<List<X509Certificate>> certificates(PrintWriter err) {
        List<X509Certificate> all = new ArrayList<>();
        List<Path> files = new ArrayList<>(peerCas);
        files.addAll(ownCas);
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate certificate :
                        CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    if (certificate instanceof X509Certificate x509) {
                        all.add(x509);
                    }
                }
            } catch (IOException e) {
                err.println("parley ledger verify: cannot read the CA certificate " + file + ": " + e);
                return Optional.empty();
            } catch (CertificateException e) {
                err.println(
                        "parley ledger verify: " + file + " is not a PEM or DER X.509 certificate: " + e.getMessage());
                return Optional.empty();
            }
        }
        if (all.isEmpty()) {
            err.println("parley ledger verify: the CA files hold no X.509 certificate");
            return Optional.empty();
        }
        return Optional.of(all);
    }
}
