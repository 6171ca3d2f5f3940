package org.parley.federation;

import java.time.Duration;
import java.time.Instant;
import org.parley.wire.EnvelopeId;

/**
 * An outbound FLASH that has no receipt yet although it is older than the configured limit, or
 * failed the configured number of attempts in a row (issue 19, item 9): the operators must hear of
 * it in a minute, not after three hourly link tests. Reported once per envelope.
 *
 * @param id the FLASH envelope
 * @param created when it was made
 * @param waited how long it had waited for a receipt when reported
 * @param failedAttempts delivery attempts that failed so far
 * @param lastError why the last attempt failed (clipped)
 */
public record FlashOverdue(EnvelopeId id, Instant created, Duration waited, int failedAttempts, String lastError) {
    public FlashOverdue {
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts must be >= 0: " + failedAttempts);
        }
    }
}
