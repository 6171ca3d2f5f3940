package org.parley.node.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void find_afterSweepInterval_forgetsEveryExpiredSession() {
        for (int i = 0; i < 100; i++) {
            Sessions.Session s = sessions.open(new OperatorApi.Caller("op" + i, Role.DUTY_OFFICER));
            sessions.find(s.id);
        }
        Sessions.Session kept = sessions.open(LI);
        clock.advance(Sessions.IDLE.minusSeconds(30));
        sessions.find(kept.id);
        clock.advance(Duration.ofSeconds(31));
        assertThat(sessions.find(kept.id)).isPresent();
        assertThat(sessions.size()).as("nothing swept before SWEEP_EVERY").isEqualTo(101);

        clock.advance(Sessions.SWEEP_EVERY);
        assertThat(sessions.find("no-such-session")).isEmpty();

        assertThat(sessions.size())
                .as("an unrelated lookup sweeps the expired ones")
                .isEqualTo(1);
        assertThat(sessions.find(kept.id)).isPresent();
    }

    @Test
    void issueCode_expiredCodes_areSwept() {
        for (int i = 0; i < 50; i++) {
            sessions.issueCode(LI);
        }
        clock.advance(Sessions.CODE_LIFETIME.plusSeconds(1));
        sessions.issueCode(LI);

        assertThat(sessions.codes()).isEqualTo(1);
    }

    @Test
    void open_operatorAtCap_refusedAndOthersStillSignIn() {
        for (int i = 0; i < Sessions.MAX_PER_OPERATOR; i++) {
            sessions.open(LI);
        }

        assertThatThrownBy(() -> sessions.open(LI))
                .isInstanceOf(Sessions.Full.class)
                .hasMessageContaining("operator li has " + Sessions.MAX_PER_OPERATOR + " console sessions open")
                .hasMessageContaining("sign out of one");
        assertThat(sessions.open(new OperatorApi.Caller("wang", Role.DUTY_OFFICER)))
                .isNotNull();
    }

    @Test
    void open_operatorAtCapAfterIdle_signsInAgain() {
        for (int i = 0; i < Sessions.MAX_PER_OPERATOR; i++) {
            sessions.open(LI);
        }
        clock.advance(Sessions.IDLE.plusSeconds(1));

        assertThat(sessions.open(LI).caller).isEqualTo(LI);
        assertThat(sessions.size()).isEqualTo(1);
    }

    @Test
    void open_consoleAtCap_refusedWithClearMessage() {
        for (int i = 0; i < Sessions.MAX_SESSIONS; i++) {
            sessions.open(new OperatorApi.Caller("op" + i, Role.DUTY_OFFICER));
        }

        assertThatThrownBy(() -> sessions.open(LI))
                .isInstanceOf(Sessions.Full.class)
                .hasMessageContaining("the console has " + Sessions.MAX_SESSIONS + " sessions open");
    }
}
