package org.parley.dialogue.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;
import org.parley.testing.TestClock;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload.ChannelNotice.Action;

/** docs/decisions.md, decision 5 under any sequence of notices, valid or not, from either party. */
class ChannelPolicyPropertiesTest {
    private static final Instant START = Instant.parse("2022-01-01T00:00:00Z");

    /** A scripted notice: who, what, which categories, hours after the start it is issued and takes effect. */
    record Step(Party from, Action action, Set<Category> categories, int issuedHour, int effectiveDelayHours) {}

    /** Up to 25 steps; categories from all of them, so that notices the policy must refuse come up too. */
    private static List<Step> script(SplittableRandom random) {
        List<Step> script = new ArrayList<>();
        for (int n = random.nextInt(26); n > 0; n--) {
            Set<Category> categories = EnumSet.noneOf(Category.class);
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                categories.add(Generators.oneOf(random, Category.values()));
            }
            script.add(new Step(
                    Generators.oneOf(random, Party.of("BLUE"), Party.of("RED")),
                    Generators.oneOf(random, Action.values()),
                    categories,
                    Generators.intBetween(random, 0, 1000),
                    Generators.intBetween(random, -2, 48)));
        }
        return script;
    }

    @SeededTest(tries = 300)
    void admits_anyNotices_safetyAndLinkTestAlwaysOpen(SplittableRandom random) {
        ChannelPolicy policy = play(script(random));
        for (int hour = 0; hour <= 1100; hour += 7) {
            Instant at = START.plus(Duration.ofHours(hour));
            assertThat(policy.admits(Category.SAFETY, at)).isInstanceOf(Admission.Open.class);
            assertThat(policy.admits(Category.LINKTEST, at)).isInstanceOf(Admission.Open.class);
            assertThat(policy.suspendedAt(at)).isSubsetOf(EnumSet.of(Category.DIALOGUE, Category.ROUTINE));
        }
        assertThat(policy.notices())
                .allSatisfy(n -> assertThat(n.categories())
                        .doesNotContain(Category.SAFETY, Category.LINKTEST, Category.ACK, Category.RECEIPT));
    }

    @SeededTest(tries = 300)
    void admits_anyNotices_dialogueOpenExactlyWhenNoPartysLatestNoticeSuspendsIt(SplittableRandom random) {
        ChannelPolicy policy = play(script(random));
        Instant at = START.plus(Duration.ofHours(1100));
        boolean suspendedByAnyone = false;
        for (Party party : List.of(Party.of("BLUE"), Party.of("RED"))) {
            ChannelNotice latest = null;
            for (ChannelNotice n : policy.notices()) {
                if (n.from().equals(party)
                        && n.categories().contains(Category.DIALOGUE)
                        && (latest == null || !n.effectiveAt().isBefore(latest.effectiveAt()))) {
                    latest = n;
                }
            }
            suspendedByAnyone |= latest != null && latest.action() == Action.SUSPEND;
        }
        assertThat(policy.admits(Category.DIALOGUE, at) instanceof Admission.Suspended)
                .isEqualTo(suspendedByAnyone);
    }

    private static ChannelPolicy play(List<Step> script) {
        TestClock clock = new TestClock(START);
        SecureRandom random = new SecureRandom();
        ChannelPolicy policy = ChannelPolicy.inMemory(clock);
        script.stream()
                .sorted(java.util.Comparator.comparingInt(Step::issuedHour))
                .forEach(step -> {
                    Instant issued = START.plus(Duration.ofHours(step.issuedHour()));
                    clock.set(issued);
                    policy.apply(new ChannelNotice(
                            EnvelopeId.generate(clock, random),
                            step.from(),
                            step.action(),
                            step.categories(),
                            "scripted",
                            issued.plus(Duration.ofHours(step.effectiveDelayHours())),
                            issued));
                });
        return policy;
    }
}
