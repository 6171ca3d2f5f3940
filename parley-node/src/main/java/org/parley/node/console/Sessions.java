package org.parley.node.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.node.api.OperatorApi;

/**
 * Signed-in operators and one-time login codes, in memory: a node restart signs everyone out. A
 * session ends after {@link #IDLE} without a request, or at sign-out; a login code is good once,
 * for {@link #CODE_LIFETIME}. Ids, codes and CSRF tokens are 128 random bits.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofMinutes(15);
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /** One signed-in operator; {@code language} is their choice of en or zh. */
    static final class Session {
        final String id;
        final OperatorApi.Caller caller;
        final String csrf;
        volatile Instant lastSeen;
        volatile String language = "en";

        Session(String id, OperatorApi.Caller caller, String csrf, Instant now) {
            this.id = id;
            this.caller = caller;
            this.csrf = csrf;
            this.lastSeen = now;
        }

        /** Constant-time comparison, so the token cannot be guessed byte by byte from timing. */
        boolean csrfMatches(String presented) {
            return MessageDigest.isEqual(
                    csrf.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private record Code(OperatorApi.Caller caller, Instant expires) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final SecureRandom random;

    Sessions(InstantSource clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    Session open(OperatorApi.Caller caller) {
        Session session = new Session(token(), caller, token(), clock.instant());
        sessions.put(session.id, session);
        return session;
    }

    /** The live session with this id, touched; an idle one is ended here. */
    Optional<Session> find(String id) {
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(session.lastSeen.plus(IDLE))) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    void close(String id) {
        sessions.remove(id);
    }

    /** A new one-time code that signs {@code caller} in. */
    String issueCode(OperatorApi.Caller caller) {
        String code = token();
        codes.put(code, new Code(caller, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** Takes the code (it is gone afterwards, used or not) and says whom it signs in, if still valid. */
    Optional<OperatorApi.Caller> redeem(String code) {
        Code known = codes.remove(code);
        if (known == null || clock.instant().isAfter(known.expires())) {
            return Optional.empty();
        }
        return Optional.of(known.caller());
    }

    private String token() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
