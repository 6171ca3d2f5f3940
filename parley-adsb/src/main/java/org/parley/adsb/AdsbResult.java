package org.parley.adsb;

import java.time.Instant;

/** What {@link AdsbDecoder} made of one frame: a message, or the reason it was refused. */
public sealed interface AdsbResult {
    /** How the address was established. */
    enum AddressCheck {
        /** DF11/17/18: address in clear and parity checked (DF11: interrogator code). */
        PARITY,
        /** DF11/17/18 after repairing one flipped bit (only with error correction on). */
        CORRECTED,
        /** DF0/4/5/16/20/21: address recovered from the parity field, seen before in DF11/17/18. */
        KNOWN_ADDRESS,
        /** Address recovered from the parity field but never confirmed: may be noise. */
        UNCONFIRMED
    }

    /** A decoded message with the frame it came from and when it was received. */
    record Decoded(ModeSMessage message, ModeSFrame frame, Instant receivedAt, AddressCheck addressCheck)
            implements AdsbResult {}

    /** Why a frame was refused, for counting; {@link Rejected#reason()} says it in words. */
    enum Cause {
        /** Not 14 or 28 hex digits. */
        NOT_HEX,
        /** Length does not fit the downlink format. */
        WRONG_LENGTH,
        /** Parity does not check (DF11/17/18). */
        BAD_PARITY,
        /** Address recovered from parity but not confirmed by a DF11/17/18 recently. */
        UNCONFIRMED_ADDRESS,
        /** A downlink format or control field this decoder does not read. */
        UNSUPPORTED
    }

    /** A frame (or text) that is not a usable Mode S reply, and why. */
    record Rejected(Cause cause, String reason) implements AdsbResult {
        public Rejected {
            if (reason.isBlank()) {
                throw new IllegalArgumentException("reason must say what was wrong");
            }
        }
    }
}
