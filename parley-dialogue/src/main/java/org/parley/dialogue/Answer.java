package org.parley.dialogue;

import java.time.Instant;
import java.util.List;
import org.parley.wire.EnvelopeId;
import org.parley.wire.Party;

/** The answer to a {@link DialogueRequest}; NO_RESPONSE is recorded by the ledger at the deadline. */
public sealed interface Answer permits Answer.Accepted, Answer.Declined, Answer.Countered, Answer.NoResponse {
    /** The request answered. */
    EnvelopeId requestId();

    /** When the answer was given, or the deadline for NO_RESPONSE. */
    Instant answeredAt();

    /** The status the answer gives its request. */
    RequestStatus status();

    /**
     * Talks accepted at one of the proposed times.
     *
     * @param requestId the request answered
     * @param id the id of the envelope that carried the answer
     * @param by the answering party
     * @param answeredAt when
     * @param meetingTime the accepted start time, one of the request's proposed times
     */
    record Accepted(EnvelopeId requestId, EnvelopeId id, Party by, Instant answeredAt, Instant meetingTime)
            implements Answer {
        public Accepted {
            answeredAt = Millis.of(answeredAt);
            meetingTime = Millis.of(meetingTime);
        }

        @Override
        public RequestStatus status() {
            return RequestStatus.ACCEPTED;
        }
    }

    /**
     * Talks declined.
     *
     * @param requestId the request answered
     * @param id the id of the envelope that carried the answer
     * @param by the answering party
     * @param answeredAt when
     * @param reason the reason given
     */
    record Declined(EnvelopeId requestId, EnvelopeId id, Party by, Instant answeredAt, String reason)
            implements Answer {
        public Declined {
            answeredAt = Millis.of(answeredAt);
        }

        @Override
        public RequestStatus status() {
            return RequestStatus.DECLINED;
        }
    }

    /**
     * A counter-proposal: other times, or another level or topic described in the note.
     *
     * @param requestId the request answered
     * @param id the id of the envelope that carried the answer
     * @param by the answering party
     * @param answeredAt when
     * @param proposedTimes the times proposed instead
     * @param note what else is proposed
     */
    record Countered(
            EnvelopeId requestId, EnvelopeId id, Party by, Instant answeredAt, List<Instant> proposedTimes, String note)
            implements Answer {
        public Countered {
            answeredAt = Millis.of(answeredAt);
            proposedTimes = proposedTimes.stream().map(Millis::of).sorted().toList();
        }

        @Override
        public RequestStatus status() {
            return RequestStatus.COUNTERED;
        }
    }

    /**
     * No answer by the deadline; recorded by each side's ledger from the deadline both hold.
     *
     * @param requestId the request left unanswered
     * @param answeredAt the deadline that passed
     */
    record NoResponse(EnvelopeId requestId, Instant answeredAt) implements Answer {
        public NoResponse {
            answeredAt = Millis.of(answeredAt);
        }

        @Override
        public RequestStatus status() {
            return RequestStatus.NO_RESPONSE;
        }
    }
}
