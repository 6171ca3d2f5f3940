package org.parley.ais;

import java.time.Instant;
import java.util.Optional;

/** The outcome of offering one line to {@link AisDecoder}. */
public sealed interface AisResult permits AisResult.Decoded, AisResult.Pending, AisResult.Rejected {

    /**
     * A complete message.
     *
     * @param message the decoded message
     * @param ownShip true for {@code VDO} (own vessel) sentences, false for {@code VDM}
     * @param channel radio channel character as sent ('A', 'B', '1', '2', ...) or 0 when empty
     * @param sourceStation tag-block source ({@code s:}), empty string when absent
     * @param timeMillis receive time from the tag block {@code c:}, a trailing epoch after the
     *     checksum or a {@code $PGHP} sentence; {@link Long#MIN_VALUE} when the line had none
     */
    record Decoded(AisMessage message, boolean ownShip, char channel, String sourceStation, long timeMillis)
            implements AisResult {
        /** The receive time carried with the sentence, if any. */
        public Optional<Instant> time() {
            return timeMillis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(timeMillis));
        }
    }

    /** A fragment (or a stand-alone tag block / timestamp sentence) was stored; more lines needed. */
    record Pending() implements AisResult {}

    /** The line yielded nothing; {@code detail} says what was wrong, for logs and operators. */
    record Rejected(RejectReason reason, String detail) implements AisResult {}
}
