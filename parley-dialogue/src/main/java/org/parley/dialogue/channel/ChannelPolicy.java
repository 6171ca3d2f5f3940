package org.parley.dialogue.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.parley.wire.Category;
import org.parley.wire.Envelope;
import org.parley.wire.Party;
import org.parley.wire.Payload;

/**
 * Records channel notices and says, for any category and time, whether the channel is open.
 *
 * <p>Only DIALOGUE and ROUTINE can be suspended. SAFETY and LINKTEST never are (docs/decisions.md,
 * decision 5): a notice naming them is refused whole, nothing recorded, with a reply that says so. Protocol
 * categories (NOTICE, RECEIPT, ACK) are refused too, since suspending acknowledgments would silence
 * the safety channel by the back door. A category is suspended at time t while the latest notice of
 * some party that names it and is effective at t is a suspension; a party resumes only what it
 * suspended itself, so a category stays closed while either party's suspension is in force.
 *
 * <p>Bad notices are data: {@link #apply} never throws on a notice from the other party.
 */
public final class ChannelPolicy {
    /** The categories a notice may suspend. */
    public static final Set<Category> SUSPENDABLE = Set.copyOf(EnumSet.of(Category.DIALOGUE, Category.ROUTINE));

    /** Clocks of two parties differ; a notice may be dated this much before its issue time. */
    static final Duration BACKDATE_TOLERANCE = Duration.ofMinutes(5);

    static final int MAX_REASON_CHARS = 2000;

    private static final String SAFETY_OPEN =
            "SAFETY and LINKTEST remain open and are still accepted and delivered (docs/decisions.md, decision 5).";

    private final NoticeStore store;
    private final InstantSource clock;
    /**
     * The notices in {@link #store}, read once: a policy is the only writer of its store, and {@link
     * #admits} runs for every envelope a node sends or receives, so it must not query the database.
     */
    private final List<ChannelNotice> recorded;

    ChannelPolicy(NoticeStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
        this.recorded = new ArrayList<>(store.all());
    }

    /** A policy that keeps notices in memory (tests, demo). */
    public static ChannelPolicy inMemory(InstantSource clock) {
        return new ChannelPolicy(new NoticeStore.InMemory(), clock);
    }

    /** A policy whose notices are kept in a database (SQLite or PostgreSQL); creates its table first. */
    public static ChannelPolicy jdbc(DataSource dataSource, InstantSource clock) {
        return new ChannelPolicy(JdbcNoticeStore.open(dataSource), clock);
    }

    /** Checks a notice and records it if it may take effect; the reply is for the issuer. */
    public synchronized NoticeReply apply(ChannelNotice notice) {
        Optional<ChannelNotice> earlier =
                recorded.stream().filter(n -> n.id().equals(notice.id())).findFirst();
        if (earlier.isPresent()) {
            return new NoticeReply.Applied(earlier.get(), describe(earlier.get()) + " (already recorded)");
        }
        Optional<String> problem = problem(notice);
        if (problem.isPresent()) {
            return new NoticeReply.Refused(problem.get());
        }
        store.append(notice);
        recorded.add(notice);
        return new NoticeReply.Applied(notice, describe(notice));
    }

    /**
     * Records the notice carried by a channel-notice envelope, effective at the time it names, or
     * when the envelope was created if it names none.
     */
    public NoticeReply apply(Envelope envelope) {
        if (!(envelope.payload() instanceof Payload.ChannelNotice payload)) {
            return new NoticeReply.Refused("envelope " + envelope.id() + " carries a "
                    + envelope.payload().type() + ", not a channel notice");
        }
        return apply(new ChannelNotice(
                envelope.id(),
                envelope.from(),
                payload.action(),
                payload.categories(),
                payload.reason(),
                payload.effectiveAt().orElse(envelope.created()),
                envelope.created()));
    }

    /** Whether an envelope of {@code category} may be accepted and delivered at {@code at}. */
    public synchronized Admission admits(Category category, Instant at) {
        if (!SUSPENDABLE.contains(category)) {
            return new Admission.Open(category);
        }
        List<ChannelNotice> inForce = recorded.stream()
                .filter(n ->
                        n.categories().contains(category) && !n.effectiveAt().isAfter(at))
                .toList();
        Set<Party> parties = inForce.stream().map(ChannelNotice::from).collect(Collectors.toSet());
        for (Party party :
                parties.stream().sorted(Comparator.comparing(Party::name)).toList()) {
            ChannelNotice latest = latest(inForce, party);
            if (latest.action() == Payload.ChannelNotice.Action.SUSPEND) {
                return new Admission.Suspended(category, party, latest.id(), latest.reason(), latest.effectiveAt());
            }
        }
        return new Admission.Open(category);
    }

    /** Whether an envelope may be accepted and delivered now. */
    public Admission admits(Envelope envelope) {
        return admits(envelope.category(), clock.instant());
    }

    /** The categories suspended at {@code at}. */
    public Set<Category> suspendedAt(Instant at) {
        Set<Category> suspended = EnumSet.noneOf(Category.class);
        for (Category category : SUSPENDABLE) {
            if (admits(category, at) instanceof Admission.Suspended) {
                suspended.add(category);
            }
        }
        return suspended;
    }

    /** Every recorded notice, in the order recorded. */
    public synchronized List<ChannelNotice> notices() {
        return List.copyOf(recorded);
    }

    private Optional<String> problem(ChannelNotice notice) {
        Set<Category> named = notice.sortedCategories();
        if (named.isEmpty()) {
            return Optional.of("the notice names no category; name DIALOGUE and/or ROUTINE");
        }
        for (Category category : named) {
            if (category == Category.SAFETY || category == Category.LINKTEST) {
                return Optional.of(category + " cannot be " + verb(notice) + ": the safety channel and link tests stay"
                        + " open whatever else is suspended (docs/decisions.md, decision 5). Nothing was recorded; send the"
                        + " notice again naming only DIALOGUE and/or ROUTINE.");
            }
            if (!SUSPENDABLE.contains(category)) {
                return Optional.of(category + " is protocol traffic that carries receipts and acknowledgments for"
                        + " safety messages and cannot be " + verb(notice) + "; only DIALOGUE and ROUTINE can."
                        + " Nothing was recorded.");
            }
        }
        return reasonProblem(notice).or(() -> timeProblem(notice)).or(() -> resumeProblem(notice));
    }

    private static Optional<String> reasonProblem(ChannelNotice notice) {
        if (notice.reason().isBlank()) {
            return Optional.of("the notice gives no reason; a suspension or resumption must say why");
        }
        if (notice.reason().length() > MAX_REASON_CHARS) {
            return Optional.of(
                    "the reason is " + notice.reason().length() + " characters; at most " + MAX_REASON_CHARS);
        }
        return Optional.empty();
    }

    private static Optional<String> timeProblem(ChannelNotice notice) {
        if (notice.effectiveAt().isBefore(notice.issuedAt().minus(BACKDATE_TOLERANCE))) {
            return Optional.of("the notice takes effect at " + notice.effectiveAt() + ", before it was issued at "
                    + notice.issuedAt() + "; a notice cannot be back-dated by more than " + BACKDATE_TOLERANCE);
        }
        return Optional.empty();
    }

    private Optional<String> resumeProblem(ChannelNotice notice) {
        if (notice.action() != Payload.ChannelNotice.Action.RESUME) {
            return Optional.empty();
        }
        List<ChannelNotice> all = recorded;
        for (Category category : notice.sortedCategories()) {
            List<ChannelNotice> own = all.stream()
                    .filter(n -> n.from().equals(notice.from())
                            && n.categories().contains(category)
                            && !n.effectiveAt().isAfter(notice.effectiveAt()))
                    .toList();
            if (own.isEmpty() || latest(own, notice.from()).action() != Payload.ChannelNotice.Action.SUSPEND) {
                return Optional.of(notice.from() + " has not suspended " + category + " at " + notice.effectiveAt()
                        + ", so there is nothing to resume. Nothing was recorded.");
            }
        }
        return Optional.empty();
    }

    /** The party's latest notice by effective time; among equal times, the one recorded last. */
    private static ChannelNotice latest(List<ChannelNotice> notices, Party party) {
        ChannelNotice latest = null;
        for (ChannelNotice n : notices) {
            if (n.from().equals(party) && (latest == null || !n.effectiveAt().isBefore(latest.effectiveAt()))) {
                latest = n;
            }
        }
        if (latest == null) {
            throw new IllegalStateException("no notice of " + party + " among those in force");
        }
        return latest;
    }

    private String describe(ChannelNotice notice) {
        String what =
                notice.from() + (notice.action() == Payload.ChannelNotice.Action.SUSPEND ? " suspends " : " resumes ")
                        + notice.sortedCategories() + " from " + notice.effectiveAt() + " (" + notice.reason() + ").";
        Set<Category> stillSuspended = suspendedAt(notice.effectiveAt());
        String still = stillSuspended.isEmpty() ? "" : " Suspended at that time: " + stillSuspended + ".";
        return what + still + " " + SAFETY_OPEN;
    }

    private static String verb(ChannelNotice notice) {
        return notice.action() == Payload.ChannelNotice.Action.SUSPEND ? "suspended" : "resumed";
    }
}
