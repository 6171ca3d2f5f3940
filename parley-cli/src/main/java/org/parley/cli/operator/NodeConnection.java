package org.parley.cli.operator;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.parley.node.NodeConfig;
import picocli.CommandLine.Option;

/**
 * How an operator command reaches a running node: from its config file (operator address, the keys
 * folder's CA, and a token), each part overridable, or from the environment ({@code PARLEY_NODE},
 * {@code PARLEY_TOKEN}, {@code PARLEY_CA}).
 */
public final class NodeConnection {
    @Option(names = "--config", description = "The node's config file (default: node.yaml if present).")
    public Optional<Path> config = Optional.empty();

    @Option(names = "--url", description = "Operator API base URL, e.g. https://127.0.0.1:8080/ (or $PARLEY_NODE).")
    public Optional<URI> url = Optional.empty();

    @Option(
            names = "--token",
            description = "Operator token (or $PARLEY_TOKEN; default: the config's first token written in clear;"
                    + " a hashed one cannot be read back).")
    public Optional<String> token = Optional.empty();

    @Option(names = "--ca", description = "The node's party CA certificate (or $PARLEY_CA; default: keys/ca.crt).")
    public Optional<Path> ca = Optional.empty();

    @Option(names = "--json", description = "Print JSON for scripts instead of a table.")
    public boolean json;

    public OperatorClient client() {
        Optional<NodeConfig> file = config.or(
                        () -> Optional.of(Path.of("node.yaml")).filter(Files::isRegularFile))
                .map(NodeConfig::load);
        URI base = url.or(() -> env("PARLEY_NODE").map(URI::create))
                .or(() ->
                        file.map(c -> URI.create("https://" + c.operatorListen().getHostString() + ":"
                                + c.operatorListen().getPort() + "/")))
                .orElseThrow(() -> new IllegalArgumentException(
                        "say which node: --config node.yaml, --url https://HOST:PORT/ or $PARLEY_NODE"));
        String secret = token.or(() -> env("PARLEY_TOKEN"))
                .or(() -> file.flatMap(c -> c.tokens().keySet().stream()
                        .filter(key -> !key.startsWith(NodeConfig.OperatorToken.HASH_PREFIX))
                        .findFirst()))
                .orElseThrow(() -> new IllegalArgumentException(
                        "give an operator token: --token or $PARLEY_TOKEN" + " (node.yaml keeps only token hashes)"));
        Path caFile = ca.or(() -> env("PARLEY_CA").map(Path::of))
                .or(() -> file.map(c -> c.keysDir().resolve("ca.crt")))
                .orElseThrow(() -> new IllegalArgumentException(
                        "give the node's party CA certificate: --ca keys/ca.crt or $PARLEY_CA"));
        return new OperatorClient(base.toString().endsWith("/") ? base : URI.create(base + "/"), secret, caFile);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isBlank());
    }
}
