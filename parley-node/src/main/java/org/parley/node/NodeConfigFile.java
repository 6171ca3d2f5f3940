package org.parley.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a node's YAML config (the format {@link NodeConfig#load} reads) for nodes this program sets
 * up itself on loopback: the demo and the integration tests. Paths are relative to the file's
 * folder, as an operator would write them.
 */
public final class NodeConfigFile {
    private final String party;
    private final String peer;
    private String keys = "keys";
    private String store = "store: jdbc:sqlite:store.db";
    private int federationPort;
    private final List<Integer> peerPorts = new ArrayList<>();
    private int operatorPort;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private String linkTest = "{ interval: PT1H }";
    private Optional<String> immediateDeadline = Optional.empty();
    private Optional<String> watch = Optional.empty();

    private NodeConfigFile(String party, String peer) {
        this.party = party;
        this.peer = peer;
    }

    public static NodeConfigFile of(String party, String peer) {
        return new NodeConfigFile(party, peer);
    }

    public NodeConfigFile keys(String folder) {
        keys = folder;
        return this;
    }

    /** An SQLite store file. */
    public NodeConfigFile sqlite(Path file) {
        store = "store: jdbc:sqlite:" + file;
        return this;
    }

    /** The store lines as given, e.g. a PostgreSQL URL with its user, password and schema. */
    public NodeConfigFile storeLines(String yaml) {
        store = yaml;
        return this;
    }

    /** Listen on loopback {@code port}; the peer's endpoints are loopback {@code peerPorts}. */
    public NodeConfigFile federation(int port, int... peerEndpointPorts) {
        federationPort = port;
        for (int p : peerEndpointPorts) {
            peerPorts.add(p);
        }
        return this;
    }

    /** The operator API on loopback {@code port} (0: any free port). */
    public NodeConfigFile operator(int port) {
        operatorPort = port;
        return this;
    }

    public NodeConfigFile token(String token, String operator, String role) {
        tokens.put(token, "{ operator: " + operator + ", role: " + role + " }");
        return this;
    }

    /** The linkTest mapping, e.g. {@code { interval: PT1H, timeout: PT10S, missesForAlarm: 3 }}. */
    public NodeConfigFile linkTest(String mapping) {
        linkTest = mapping;
        return this;
    }

    public NodeConfigFile immediateDeadline(String isoDuration) {
        immediateDeadline = Optional.of(isoDuration);
        return this;
    }

    /** A {@code watch:} section, given as its YAML lines (indented under {@code watch:}). */
    public NodeConfigFile watch(String section) {
        watch = Optional.of(section);
        return this;
    }

    public String yaml() {
        StringBuilder out = new StringBuilder();
        out.append("party: ").append(party).append('\n');
        out.append("keys: ").append(keys).append('\n');
        out.append(store).append('\n');
        out.append("federation:\n");
        out.append("  listen: 127.0.0.1:").append(federationPort).append('\n');
        out.append("  peer: ").append(peer).append('\n');
        out.append("  endpoints: [")
                .append(String.join(
                        ", ",
                        peerPorts.stream().map(p -> "https://127.0.0.1:" + p).toList()))
                .append("]\n");
        out.append("operator:\n");
        out.append("  listen: 127.0.0.1:").append(operatorPort).append('\n');
        List<String> entries = new ArrayList<>();
        tokens.forEach((token, grant) -> entries.add("\"" + token + "\": " + grant));
        out.append("  tokens: { ").append(String.join(", ", entries)).append(" }\n");
        out.append("linkTest: ").append(linkTest).append('\n');
        immediateDeadline.ifPresent(d -> out.append("ack:\n  deadlines: { IMMEDIATE: ")
                .append(d)
                .append(" }\n  chain: [duty-officer, watch-supervisor, commander]\n"));
        watch.ifPresent(w -> out.append("watch:\n").append(w.stripTrailing()).append('\n'));
        return out.toString();
    }

    public Path write(Path file) throws IOException {
        Files.writeString(file, yaml());
        return file;
    }
}
