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
 *
 * <p>Expired sessions and codes are swept on sign-in, on code issue, and on any lookup once
 * {@link #SWEEP_EVERY} has passed since the last sweep, so memory holds only live ones. Live
 * sessions are capped at {@link #MAX_PER_OPERATOR} per operator and {@link #MAX_SESSIONS} in all
 * (a stolen token replayed in a loop, or a script that signs in per request, cannot fill the heap);
 * a sign-in past a cap is refused with {@link Full}, and nobody already signed in is dropped.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofMinutes(15);
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    static final int MAX_PER_OPERATOR = 8;
    static final int MAX_SESSIONS = 256;
    static final int MAX_CODES = 1_000;

    /** A sign-in or a new code refused because a cap is reached; the message says what to do. */
    static final class Full extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Full(String message) {
            super(message);
        }
    }

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
    private volatile Instant lastSweep;

    Sessions(InstantSource clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
        this.lastSweep = clock.instant();
    }

    /**
     * Signs {@code caller} in, after sweeping expired sessions; throws {@link Full} when the caller
     * has {@link #MAX_PER_OPERATOR} live sessions or the console {@link #MAX_SESSIONS}.
     */
    synchronized Session open(OperatorApi.Caller caller) {
        sweep();
        if (sessions.size() >= MAX_SESSIONS) {
            throw new Full("the console has " + MAX_SESSIONS + " sessions open, the most it keeps; sign in again"
                    + " when one ends (sign-out, or " + IDLE.toMinutes() + " minutes without a request)");
        }
        long mine = sessions.values().stream()
                .filter(s -> s.caller.name().equals(caller.name()))
                .count();
        if (mine >= MAX_PER_OPERATOR) {
            throw new Full("operator " + caller.name() + " has " + mine + " console sessions open, the most allowed;"
                    + " sign out of one, or wait " + IDLE.toMinutes() + " minutes for an idle one to end");
        }
        Session session = new Session(token(), caller, token(), clock.instant());
        sessions.put(session.id, session);
        return session;
    }

    /** How many sessions are held now, live or not yet swept. */
    int size() {
        return sessions.size();
    }

    /** How many one-time codes are held now, valid or not yet swept. */
    int codes() {
        return codes.size();
    }

    /** Forgets every session idle longer than {@link #IDLE} and every code past its lifetime. */
    synchronized void sweep() {
        Instant now = clock.instant();
        lastSweep = now;
        sessions.values().removeIf(s -> now.isAfter(s.lastSeen.plus(IDLE)));
        codes.values().removeIf(c -> now.isAfter(c.expires()));
    }

    private void sweepIfDue() {
        if (!clock.instant().isBefore(lastSweep.plus(SWEEP_EVERY))) {
            sweep();
        }
    }

    /** The live session with this id, touched; an idle one is ended here. */
    Optional<Session> find(String id) {
        sweepIfDue();
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
    synchronized String issueCode(OperatorApi.Caller caller) {
        sweep();
        if (codes.size() >= MAX_CODES) {
            throw new Full("there are " + MAX_CODES + " unused sign-in links, the most kept; use one, or wait "
                    + CODE_LIFETIME.toMinutes() + " minutes for them to expire");
        }
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
