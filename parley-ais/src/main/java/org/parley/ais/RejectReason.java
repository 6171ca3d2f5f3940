package org.parley.ais;

/** Why a line did not yield a message. Feeds count rejects per reason. */
public enum RejectReason {
    /** Blank line, comment, or an NMEA sentence that is not VDM/VDO (e.g. {@code $GPGGA}). */
    NOT_AIS,
    /** The sentence's checksum (IEC 61162-1 §7.2.3) does not match its contents. */
    BAD_CHECKSUM,
    /** The sentence does not have the VDM/VDO field layout (IEC 61162-1 §8.3.88). */
    MALFORMED_SENTENCE,
    /** A payload character outside the 6-bit armouring alphabet. */
    BAD_PAYLOAD,
    /** A later fragment arrived without its earlier fragments. */
    ORPHAN_FRAGMENT,
    /** A fragment arrived twice. */
    DUPLICATE_FRAGMENT,
    /** A partly received multipart message was dropped (new first fragment, or timeout). */
    INCOMPLETE_MESSAGE,
    /** Message identifier 0 or above 27 (ITU-R M.1371-5 Table 43 lists 1..27). */
    UNKNOWN_MESSAGE_TYPE,
    /** The payload is shorter or longer than its message type allows. */
    BAD_LENGTH,
    /** A field holds a value its message record refuses (a safety net; fuzzing found none left). */
    INVALID_FIELD
}
