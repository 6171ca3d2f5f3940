package org.parley.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.federation.FederationConfig;
import org.parley.federation.gate.ConnectionLimits;
import org.parley.node.watch.WatchConfig;
import org.parley.wire.Party;
import org.parley.wire.Precedence;

/**
 * A node's configuration, read from YAML ({@code parley node start --config node.yaml}). Every
 * field is checked on load and a mistake is reported with its YAML path and what to write instead.
 *
 * <pre>
 * party: BLUE
 * keys: keys/blue                      # folder made by `parley keys init`
 * store: jdbc:sqlite:blue.db           # or jdbc:postgresql://host/db (storeUser, storePassword,
 *                                      # storeSchema, default: the party name in lower case)
 * federation:
 *   listen: 127.0.0.1:8443
 *   peer: RED
 *   endpoints: [https://127.0.0.1:9443, https://127.0.0.1:9444]
 *   retryMax: { FLASH: PT2S }          # longest retry delay per precedence (issue 20); defaults
 *                                      # FLASH 2 s, IMMEDIATE 10 s, PRIORITY and ROUTINE 30 s
 *   connections: { perPort: 1000, perAddress: 32 }   # connections at once (the defaults)
 * operator:
 *   listen: 127.0.0.1:8080
 *   connections: { perPort: 1000, perAddress: 64 }   # the defaults
 *   tokens:                            # `parley node token` makes a token and prints its line
 *     "sha256:9f86d0…": { operator: alice, role: DUTY_OFFICER }
 * linkTest: { interval: PT1H, timeout: PT30S, missesForAlarm: 3 }
 * ack:
 *   deadlines: { FLASH: PT10M }        # others default to docs/decisions.md, decision 4
 *   chain: [duty-officer, watch-supervisor, commander]
 * watch:                               # optional: the encounter watch (see WatchSection)
 *   parties: parties.yaml
 *   feeds: [{ name: ais, kind: ais, url: "tcp://127.0.0.1:10110" }]
 * </pre>
 */
public record NodeConfig(
        Party party,
        Path keysDir,
        String storeUrl,
        String storeUser,
        String storePassword,
        String storeSchema,
        InetSocketAddress federationListen,
        Party peer,
        List<URI> peerEndpoints,
        Map<Precedence, Duration> retryMax,
        ConnectionLimits federationConnections,
        InetSocketAddress operatorListen,
        ConnectionLimits operatorConnections,
        Map<String, OperatorToken> tokens,
        Duration linkTestInterval,
        Duration linkTestTimeout,
        int missesForAlarm,
        Map<Precedence, Duration> ackDeadlines,
        List<String> escalationChain,
        WatchConfig watch) {

    /**
     * Who an operator token names and the role it grants. The token itself is the key of {@link
     * #tokens}: {@code sha256:} and 64 hex digits (the SHA-256 of the token's UTF-8 bytes, what
     * {@code parley node token} prints), or, for configs written before hashes, the token in clear.
     */
    public record OperatorToken(String operator, Role role) {
        /** The prefix of a hashed token key. */
        public static final String HASH_PREFIX = "sha256:";

        /** {@code sha256:} and the lower-case hex SHA-256 of {@code token}'s UTF-8 bytes. */
        public static String hashOf(String token) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return HASH_PREFIX + java.util.HexFormat.of().formatHex(digest);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    /** Operator roles, least to most privileged. */
    public enum Role {
        DUTY_OFFICER,
        WATCH_SUPERVISOR,
        ADMIN
    }

    public NodeConfig {
        tokens = Map.copyOf(tokens);
        peerEndpoints = List.copyOf(peerEndpoints);
        retryMax = Map.copyOf(retryMax);
        ackDeadlines = Map.copyOf(ackDeadlines);
        escalationChain = List.copyOf(escalationChain);
        if (peer.equals(party)) {
            throw new IllegalArgumentException("federation.peer must name the other party, not " + party);
        }
        if (peerEndpoints.isEmpty()) {
            throw new IllegalArgumentException("federation.endpoints needs at least one https:// URL of the peer");
        }
        if (escalationChain.isEmpty()) {
            throw new IllegalArgumentException("ack.chain needs at least one role");
        }
        if (missesForAlarm < 1) {
            throw new IllegalArgumentException("linkTest.missesForAlarm must be >= 1: " + missesForAlarm);
        }
    }

    public static NodeConfig load(Path file) {
        JsonNode root;
        try {
            String yaml = Files.readString(file);
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            ConfigKeys.check(yaml, file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read node config " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("node config " + file + " must be a YAML mapping");
        }
        Path base = file.toAbsolutePath().getParent();
        return fromTree(root, base == null ? Path.of(".") : base);
    }

    static NodeConfig fromTree(JsonNode root, Path base) {
        JsonNode fed = root.path("federation");
        JsonNode op = root.path("operator");
        JsonNode link = root.path("linkTest");
        JsonNode ack = root.path("ack");
        return new NodeConfig(
                new Party(text(root, "party")),
                base.resolve(text(root, "keys")),
                text(root, "store"),
                root.path("storeUser").asText(""),
                root.path("storePassword").asText(""),
                root.path("storeSchema").asText(text(root, "party").toLowerCase(java.util.Locale.ROOT)),
                address(text(fed, "federation.listen")),
                new Party(text(fed, "federation.peer")),
                uris(fed.path("endpoints")),
                retryMax(fed.path("retryMax")),
                connections(fed.path("connections"), "federation.connections", ConnectionLimits.FEDERATION),
                address(text(op, "operator.listen")),
                connections(op.path("connections"), "operator.connections", ConnectionLimits.OPERATOR),
                tokens(op.path("tokens")),
                duration(link.path("interval"), "linkTest.interval", Duration.ofHours(1)),
                duration(link.path("timeout"), "linkTest.timeout", Duration.ofSeconds(30)),
                link.path("missesForAlarm").asInt(3),
                deadlines(ack.path("deadlines")),
                strings(ack.path("chain"), List.of("duty-officer", "watch-supervisor", "commander")),
                WatchSection.parse(root.path("watch"), base));
    }

    private static String text(JsonNode node, String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("node config: '" + path + "' is missing or not text");
        }
        return value.asText();
    }

    public static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("address must be host:port, e.g. 127.0.0.1:8443: '" + hostPort + "'");
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            return new InetSocketAddress(hostPort.substring(0, colon), port);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address must be host:port with a port 0-65535: '" + hostPort + "'", e);
        }
    }

    private static List<URI> uris(JsonNode node) {
        List<URI> uris = new ArrayList<>();
        for (String s : strings(node, List.of())) {
            URI uri = URI.create(s);
            if (!"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("federation.endpoints must be https:// URLs: '" + s + "'");
            }
            uris.add(uri);
        }
        return uris;
    }

    private static List<String> strings(JsonNode node, List<String> fallback) {
        if (node.isMissingNode()) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, OperatorToken> tokens(JsonNode node) {
        Map<String, OperatorToken> tokens = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            String role = e.getValue().path("role").asText("");
            String key = tokenKey(e.getKey(), e.getValue().path("operator").asText("?"));
            try {
                tokens.put(key, new OperatorToken(e.getValue().path("operator").asText("?"), Role.valueOf(role)));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(
                        "operator.tokens: role must be DUTY_OFFICER, WATCH_SUPERVISOR or ADMIN, not '" + role + "'",
                        ex);
            }
        });
        return tokens;
    }

    /** A hashed key in lower case; never puts the key in an error (it may be a token in clear). */
    private static String tokenKey(String key, String operator) {
        if (!key.regionMatches(true, 0, OperatorToken.HASH_PREFIX, 0, OperatorToken.HASH_PREFIX.length())) {
            return key;
        }
        String hex = key.substring(OperatorToken.HASH_PREFIX.length()).toLowerCase(java.util.Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("operator.tokens: the key of operator " + operator
                    + " starts with sha256: but is not followed by 64 hex digits; paste the line"
                    + " 'parley node token' printed");
        }
        return OperatorToken.HASH_PREFIX + hex;
    }

    /**
     * Every component but the secrets: operator tokens (keys of {@link #tokens}, which may be tokens
     * in clear) and the store password are shown as {@code <redacted>}, so a config that reaches a
     * log or an exception message gives nothing away.
     */
    @Override
    public String toString() {
        StringBuilder grants = new StringBuilder();
        tokens.values()
                .forEach(t -> grants.append(grants.length() == 0 ? "" : ", ")
                        .append("<redacted>=")
                        .append(t));
        return "NodeConfig[party=" + party + ", keysDir=" + keysDir + ", storeUrl="
                + storeUrl.replaceAll("(?i)(password=)[^&]*", "$1<redacted>") + ", storeUser="
                + storeUser + ", storePassword=" + (storePassword.isEmpty() ? "" : "<redacted>") + ", storeSchema="
                + storeSchema + ", federationListen=" + federationListen + ", peer=" + peer + ", peerEndpoints="
                + peerEndpoints + ", retryMax=" + retryMax + ", federationConnections=" + federationConnections
                + ", operatorListen=" + operatorListen + ", operatorConnections=" + operatorConnections + ", tokens={"
                + grants + "}"
                + ", linkTestInterval=" + linkTestInterval + ", linkTestTimeout=" + linkTestTimeout
                + ", missesForAlarm=" + missesForAlarm + ", ackDeadlines=" + ackDeadlines + ", escalationChain="
                + escalationChain + ", watch=" + watch + "]";
    }

    static Duration duration(JsonNode node, String path, Duration fallback) {
        if (node.isMissingNode()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(node.asText());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(path + " must be positive: " + d);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    path + " must be an ISO-8601 duration such as PT30S or PT1H: '" + node.asText() + "'", e);
        }
    }

    /**
     * The longest retry delay per precedence (issue 20): what is not written keeps the federation's
     * default ({@link FederationConfig#DEFAULT_RETRY_CAPS}).
     */
    private static Map<Precedence, Duration> retryMax(JsonNode node) {
        Map<Precedence, Duration> map = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            map.put(
                    p,
                    duration(
                            node.path(p.name()),
                            "federation.retryMax." + p.name(),
                            FederationConfig.DEFAULT_RETRY_CAPS.getOrDefault(p, Duration.ofSeconds(30))));
        }
        return map;
    }

    /**
     * A port's connection limits (issue 19, item 1): {@code perPort} and {@code perAddress}, each
     * defaulting to {@code defaults}; out of range is refused naming the key and the range.
     */
    private static ConnectionLimits connections(JsonNode node, String path, ConnectionLimits defaults) {
        return ConnectionLimits.of(
                path + ".perPort",
                count(node.path("perPort"), path + ".perPort", defaults.perListener()),
                path + ".perAddress",
                count(node.path("perAddress"), path + ".perAddress", defaults.perAddress()));
    }

    private static int count(JsonNode node, String path, int fallback) {
        if (node.isMissingNode()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException(path + " must be a whole number from 1 to "
                    + ConnectionLimits.MAX_PER_LISTENER + ": '" + node.asText() + "'");
        }
        return node.intValue();
    }

    private static Map<Precedence, Duration> deadlines(JsonNode node) {
        Map<Precedence, Duration> map = new EnumMap<>(Precedence.class);
        for (Precedence p : Precedence.values()) {
            map.put(p, duration(node.path(p.name()), "ack.deadlines." + p.name(), p.defaultAckDeadline()));
        }
        return map;
    }
}
