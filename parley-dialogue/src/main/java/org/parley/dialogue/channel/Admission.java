package org.parley.dialogue.channel;

import java.time.Instant;
import org.parley.wire.Category;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

/** Whether an envelope of some category may be accepted and delivered at a given time. */
public sealed interface Admission permits Admission.Open, Admission.Suspended {
    /**
     * The category is open.
     *
     * @param category the category asked about
     */
    record Open(Category category) implements Admission {}

    /**
     * The category is suspended by a notice in force.
     *
     * @param category the category asked about
     * @param by the party whose notice suspends it
     * @param noticeId the notice in force
     * @param reason the reason the notice gave
     * @param since when the suspension took effect
     */
    record Suspended(Category category, Party by, EnvelopeId noticeId, String reason, Instant since)
            implements Admission {
        /** A refusal the sender can read. */
        public String message() {
            return category + " is suspended by " + by + " since " + since + " (notice " + noticeId + ": " + reason
                    + "); SAFETY and LINKTEST remain open";
        }
    }
}
