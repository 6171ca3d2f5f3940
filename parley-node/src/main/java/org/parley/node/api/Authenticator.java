package org.parley.node.api;

import com.sun.net.httpserver.Headers;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.node.NodeConfig;
import org.parley.node.NodeConfig.OperatorToken;

/**
 * The filter every request passes after routing and before its handler: a route's {@link Access}
 * decides whether a bearer token is needed (RFC 6750 §2.1) and which role it must carry. Handlers
 * only ever see the {@link Identity} this returns.
 *
 * <p>Tokens are known only by their SHA-256 (node.yaml keeps {@code sha256:HEX}; a token written in
 * clear is hashed on load). A presented token is hashed and compared with every known hash in
 * constant time ({@link MessageDigest#isEqual}), with no early exit, so the answer time says nothing
 * about how close a guess was. Failed sign-ins are audited (address and route, never the guess);
 * after {@link #MAX_FAILURES} from one address within {@link #WINDOW} that address is answered 429
 * until the window ends, valid token or not, and the throttling is audited once.
 */
final class Authenticator {
    private static final String PREFIX = "Bearer ";
    static final int MAX_FAILURES = 30;
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses tracked at most; beyond it the oldest windows are dropped (a spoofed-source flood). */
    private static final int MAX_ADDRESSES = 10_000;

    /** Where failed sign-ins are recorded (the node's audit log). */
    @FunctionalInterface
    interface Audit {
        void record(String action, String subject, String detail);
    }

    /** A token's SHA-256 and what it grants (a class, not a record: it holds an array). */
    private static final class Known {
        private final byte[] sha256;
        private final OperatorToken grant;

        Known(byte[] sha256, OperatorToken grant) {
            this.sha256 = sha256.clone();
            this.grant = grant;
        }

        /** Constant-time comparison (no early exit on the first differing byte). */
        boolean matches(byte[] presented) {
            return MessageDigest.isEqual(sha256, presented);
        }
    }

    /** Failed sign-ins of one address in the window that started at {@code since}. */
    private record Failures(Instant since, int count) {}

    private final List<Known> tokens;
    private final Audit audit;
    private final InstantSource clock;
    private final Map<InetAddress, Failures> failures = new ConcurrentHashMap<>();

    Authenticator(Map<String, OperatorToken> tokens, Audit audit, InstantSource clock) {
        List<Known> known = new ArrayList<>();
        tokens.forEach((key, grant) -> known.add(new Known(sha256Of(key), grant)));
        this.tokens = List.copyOf(known);
        this.audit = audit;
        this.clock = clock;
    }

    Identity admit(Route route, Headers requestHeaders, InetAddress from) {
        if (route.access() == Access.PUBLIC) {
            return new Identity.Anonymous();
        }
        throttle(from);
        return check(route, authenticate(route, requestHeaders, from));
    }

    /** The role check alone, for an operator already authenticated (a console session). */
    static Identity.Operator check(Route route, Identity.Operator operator) {
        if (!route.access().admits(operator.role())) {
            throw new Problem(
                    403,
                    route + " needs the " + route.access().roles() + " role; you (" + operator.name() + ") are "
                            + operator.role() + ". Ask an operator with the "
                            + route.access().roles()
                            + " role.");
        }
        return operator;
    }

    /** The operator a token names, if it names one (the console's sign-in), compared as {@link #admit} does. */
    Optional<Identity.Operator> operatorFor(String token) {
        return grantOf(sha256(token.strip())).map(grant -> new Identity.Operator(grant.operator(), grant.role()));
    }

    /**
     * The console's sign-in with a token typed into its form: throttled, compared and audited
     * exactly as a bearer token on a route, and counted in the same per-address window, so the form
     * is no way around the API's limit (issue 19). {@code where} names the form in the audit.
     */
    Optional<Identity.Operator> signIn(String token, InetAddress from, String where) {
        throttle(from);
        Optional<Identity.Operator> operator = operatorFor(token);
        if (operator.isEmpty()) {
            failed(where, from);
        }
        return operator;
    }

    /** Every entry is compared, match or not: no early exit. */
    private Optional<OperatorToken> grantOf(byte[] presented) {
        Optional<OperatorToken> match = Optional.empty();
        for (Known known : tokens) {
            if (known.matches(presented)) {
                match = Optional.of(known.grant);
            }
        }
        return match;
    }

    private Identity.Operator authenticate(Route route, Headers requestHeaders, InetAddress from) {
        String header =
                Optional.ofNullable(requestHeaders.getFirst("Authorization")).orElse("");
        if (!header.startsWith(PREFIX)) {
            // RFC 6750 §3: a request without credentials gets the challenge and no error code.
            throw new Problem(
                    401,
                    "send 'Authorization: Bearer <token>' with an operator token from the node config",
                    Map.of("WWW-Authenticate", "Bearer realm=\"parley\""));
        }
        Optional<OperatorToken> match =
                grantOf(sha256(header.substring(PREFIX.length()).strip()));
        if (match.isEmpty()) {
            failed(route.toString(), from);
            throw new Problem(
                    401,
                    "unknown operator token; use one listed under operator.tokens in the node config",
                    Map.of("WWW-Authenticate", "Bearer realm=\"parley\", error=\"invalid_token\""));
        }
        return new Identity.Operator(match.get().operator(), match.get().role());
    }

    /** Answers 429 while {@code from} is over its failures in the current window. */
    private void throttle(InetAddress from) {
        Failures seen = failures.get(from);
        if (seen == null) {
            return;
        }
        Instant ends = seen.since().plus(WINDOW);
        Instant now = clock.instant();
        if (!now.isBefore(ends)) {
            failures.remove(from, seen);
        } else if (seen.count() >= MAX_FAILURES) {
            long seconds = Math.max(1, Duration.between(now, ends).toSeconds());
            throw new Problem(
                    429,
                    "too many failed sign-ins from " + from.getHostAddress() + "; try again in " + seconds + " s",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    private void failed(String where, InetAddress from) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ADDRESSES) {
            failures.entrySet().removeIf(e -> !now.isBefore(e.getValue().since().plus(WINDOW)));
        }
        Failures updated = failures.merge(
                from,
                new Failures(now, 1),
                (old, one) ->
                        now.isBefore(old.since().plus(WINDOW)) ? new Failures(old.since(), old.count() + 1) : one);
        String address = from.getHostAddress();
        if (updated.count() < MAX_FAILURES) {
            audit.record("api.sign-in.failed", where, "unknown token from " + address);
        } else if (updated.count() == MAX_FAILURES) {
            audit.record(
                    "api.sign-in.throttled",
                    where,
                    MAX_FAILURES + " failed sign-ins from " + address + " within " + WINDOW.toSeconds()
                            + " s; its requests are refused with 429 until the window ends");
        }
    }

    /** The SHA-256 a config key stands for: the hash itself, or the hash of a token written in clear. */
    private static byte[] sha256Of(String key) {
        return key.startsWith(OperatorToken.HASH_PREFIX)
                ? HexFormat.of().parseHex(key.substring(OperatorToken.HASH_PREFIX.length()))
                : sha256(key);
    }

    private static byte[] sha256(String token) {
        return HexFormat.of()
                .parseHex(NodeConfig.OperatorToken.hashOf(token).substring(OperatorToken.HASH_PREFIX.length()));
    }
}
