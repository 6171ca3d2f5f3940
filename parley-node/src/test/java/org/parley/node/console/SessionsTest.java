package org.parley.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.node.NodeConfig.Role;
import org.parley.node.api.OperatorApi;
import org.parley.testing.TestClock;

class SessionsTest {
    private static final OperatorApi.Caller LI = new OperatorApi.Caller("li", Role.DUTY_OFFICER);

    private final TestClock clock = TestClock.atEpochOfTests();
    private final Sessions sessions = new Sessions(clock, new SecureRandom());

    @Test
    void redeem_codeUsedTwice_signsInOnlyOnce() {
        String code = sessions.issueCode(LI);

        assertThat(sessions.redeem(code)).hasValue(LI);
        assertThat(sessions.redeem(code)).isEmpty();
    }

    @Test
    void redeem_codeOlderThanTenMinutes_isRefused() {
        String fresh = sessions.issueCode(LI);
        String stale = sessions.issueCode(LI);
        clock.advance(Duration.ofMinutes(10));
        assertThat(sessions.redeem(fresh)).as("at exactly 10 minutes").hasValue(LI);
        clock.advance(Duration.ofSeconds(1));

        assertThat(sessions.redeem(stale)).isEmpty();
    }

    @Test
    void find_idleLongerThanTimeout_endsTheSession() {
        Sessions.Session session = sessions.open(LI);
        clock.advance(Sessions.IDLE.minusSeconds(1));
        assertThat(sessions.find(session.id))
                .as("a request just before the timeout keeps it")
                .isPresent();
        clock.advance(Sessions.IDLE.minusSeconds(1));
        assertThat(sessions.find(session.id))
                .as("idle time counts from the last request")
                .isPresent();
        clock.advance(Sessions.IDLE.plusSeconds(1));

        assertThat(sessions.find(session.id)).isEmpty();
    }

    @Test
    void close_signOut_endsTheSessionAndOthersStay() {
        Sessions.Session one = sessions.open(LI);
        Sessions.Session two = sessions.open(LI);
        sessions.close(one.id);

        assertThat(sessions.find(one.id)).isEmpty();
        assertThat(sessions.find(two.id)).isPresent();
        assertThat(one.csrf).isNotEqualTo(two.csrf).hasSizeGreaterThanOrEqualTo(22);
    }

    @Test
    void csrfMatches_otherToken_isFalse() {
        Sessions.Session session = sessions.open(LI);

        assertThat(session.csrfMatches(session.csrf)).isTrue();
        assertThat(session.csrfMatches("")).isFalse();
        assertThat(session.csrfMatches(session.csrf + "x")).isFalse();
    }
}
