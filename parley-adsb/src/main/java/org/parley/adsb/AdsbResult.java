package org.parley.adsb;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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

    /**
     * An accepted frame: its message, the frame it came from, when it was received and how its
     * address was established. One small object per accepted frame: it holds the frame's bytes
     * (packed in two longs), the address and the CPR position the decoder resolved, and makes the
     * {@link ModeSMessage} only when {@link #message()} is first called; {@link #frame()} makes a
     * new {@link ModeSFrame} per call. A consumer that needs only some fields ({@link #address()},
     * {@link #downlinkFormat()}, {@link #position()}, {@link #byteAt(int)}) allocates nothing more.
     * Equality, hash code and {@code toString} are those of a record of the four components.
     *
     * <p>Safe to share between threads once published: {@link #message()} may then be made twice,
     * equal either way.
     */
    final class Decoded implements AdsbResult {
        private final long high; // bytes 0-7, big-endian
        private final long low; // bytes 8-13 in the top six bytes; 0 for a 7-byte frame
        private final int length;
        private final IcaoAddress address;
        private final @Nullable GeoPosition position;
        private final Instant receivedAt;
        private final AddressCheck addressCheck;
        private @Nullable ModeSMessage message;

        /** {@code f[0, length)}: the accepted frame (parity checked, corrected if it was). */
        Decoded(
                byte[] f,
                int length,
                IcaoAddress address,
                @Nullable GeoPosition position,
                Instant receivedAt,
                AddressCheck addressCheck) {
            long h = 0;
            long l = 0;
            for (int i = 0; i < 8; i++) {
                h = h << 8 | (i < length ? f[i] & 0xFF : 0);
                l = l << 8 | (i + 8 < length ? f[i + 8] & 0xFF : 0);
            }
            this.high = h;
            this.low = l;
            this.length = length;
            this.address = address;
            this.position = position;
            this.receivedAt = receivedAt;
            this.addressCheck = addressCheck;
        }

        /** The decoded message, made from the frame on the first call. */
        public ModeSMessage message() {
            ModeSMessage m = message;
            if (m == null) {
                m = FrameMessages.of(bytes(), address, Optional.ofNullable(position));
                message = m;
            }
            return m;
        }

        /** The frame, as received (or as corrected, with {@link AddressCheck#CORRECTED}). */
        public ModeSFrame frame() {
            return ModeSFrame.wrap(bytes());
        }

        public Instant receivedAt() {
            return receivedAt;
        }

        public AddressCheck addressCheck() {
            return addressCheck;
        }

        /** The message's address: {@code message().address()} without making the message. */
        public IcaoAddress address() {
            return address;
        }

        /** The downlink format, bits 1-5 (Annex 10 Vol IV §3.1.2.3.2.1.2). */
        public int downlinkFormat() {
            return (int) (high >>> 59);
        }

        /** The position CPR resolved from this frame (airborne or surface position messages only). */
        public Optional<GeoPosition> position() {
            return Optional.ofNullable(position);
        }

        /** True when {@link #position()} is present, without allocating. */
        public boolean hasPosition() {
            return position != null;
        }

        /** The frame's byte at {@code index} (0-based, unsigned), without copying the frame. */
        public int byteAt(int index) {
            java.util.Objects.checkIndex(index, length);
            long word = index < 8 ? high : low;
            return (int) (word >>> (56 - 8 * (index & 7))) & 0xFF;
        }

        private byte[] bytes() {
            byte[] f = new byte[length];
            for (int i = 0; i < length; i++) {
                f[i] = (byte) byteAt(i);
            }
            return f;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Decoded d
                    && high == d.high
                    && low == d.low
                    && length == d.length
                    && receivedAt.equals(d.receivedAt)
                    && addressCheck == d.addressCheck
                    && message().equals(d.message());
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(message(), frame(), receivedAt, addressCheck);
        }

        @Override
        public String toString() {
            return "Decoded[message=" + message() + ", frame=" + frame() + ", receivedAt=" + receivedAt
                    + ", addressCheck=" + addressCheck + "]";
        }
    }

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
