package org.parley.dialogue.channel;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;
import org.parley.wire.Payload;

/**
 * A party's notice that suspends or resumes categories of exchange from an effective time.
 *
 * <p>The record only holds what was said; whether it may take effect is decided by {@link
 * ChannelPolicy#apply}, which refuses a notice that names SAFETY or LINKTEST.
 *
 * @param id the id of the envelope that carried the notice
 * @param from the party that issues it
 * @param action suspend or resume
 * @param categories the categories named
 * @param reason why, in the issuer's words
 * @param effectiveAt when it takes effect (UTC)
 * @param issuedAt when it was issued (UTC)
 */
public record ChannelNotice(
        EnvelopeId id,
        Party from,
        Payload.ChannelNotice.Action action,
        Set<Category> categories,
        String reason,
        Instant effectiveAt,
        Instant issuedAt) {
    public ChannelNotice {
        categories = Set.copyOf(categories);
    }

    /**
     * A blanket suspension: every category that can be suspended (DIALOGUE and ROUTINE), as when all
     * military channels were suspended at once in August 2022. SAFETY and LINKTEST stay open.
     */
    public static ChannelNotice suspendAll(
            EnvelopeId id, Party from, String reason, Instant effectiveAt, Instant issuedAt) {
        return new ChannelNotice(
                id,
                from,
                Payload.ChannelNotice.Action.SUSPEND,
                ChannelPolicy.SUSPENDABLE,
                reason,
                effectiveAt,
                issuedAt);
    }

    /** Resumes every suspendable category this party suspended. */
    public static ChannelNotice resumeAll(
            EnvelopeId id, Party from, String reason, Instant effectiveAt, Instant issuedAt) {
        return new ChannelNotice(
                id,
                from,
                Payload.ChannelNotice.Action.RESUME,
                ChannelPolicy.SUSPENDABLE,
                reason,
                effectiveAt,
                issuedAt);
    }

    /** The categories in declaration order, for messages that read the same every time. */
    Set<Category> sortedCategories() {
        return categories.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(categories);
    }
}
