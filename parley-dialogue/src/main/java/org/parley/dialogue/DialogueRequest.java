package org.parley.dialogue;

import java.time.Instant;
import java.util.List;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

/**
 * A request for talks from one party to the other.
 *
 * @param id the id of the envelope that carries it; both parties know the request by it
 * @param from the requesting party
 * @param to the party asked
 * @param level the level of the talks
 * @param topic what the talks are about, in the requester's words
 * @param proposedTimes the proposed start times (UTC), earliest first
 * @param answerDeadline when NO_RESPONSE is recorded if no answer has come
 * @param sentAt when the request was sent (UTC)
 */
public record DialogueRequest(
        EnvelopeId id,
        Party from,
        Party to,
        Level level,
        String topic,
        List<Instant> proposedTimes,
        Instant answerDeadline,
        Instant sentAt) {
    public DialogueRequest {
        // Envelopes carry instants to the millisecond (parley-wire), so the record does too: a request
        // read back from the wire then equals the one recorded by its sender.
        proposedTimes = proposedTimes.stream().map(Millis::of).sorted().toList();
        answerDeadline = Millis.of(answerDeadline);
        sentAt = Millis.of(sentAt);
    }
}
