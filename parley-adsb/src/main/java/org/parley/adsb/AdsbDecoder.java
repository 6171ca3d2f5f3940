package org.parley.adsb;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes Mode S replies (DF 0/4/5/11/16/17/18/20/21) and keeps the state of every aircraft heard.
 *
 * <p>Bad input never throws: a frame that is the wrong length, fails its parity, or names an
 * address never confirmed by a DF11/17/18 becomes {@link AdsbResult.Rejected} with the reason.
 * Positions are resolved from CPR as pairs arrive (global decode) or against the aircraft's last
 * position or the receiver's (local decode), and returned inside the decoded message.
 *
 * <p>Not thread-safe: one decoder per feed, or synchronise externally.
 */
public final class AdsbDecoder {
    /** dump1090 forgets an unconfirmed address after a minute; so do we. */
    private static final long KNOWN_ADDRESS_MILLIS = 60_000;

    // Every refusal of a frame is one of these constants, made once: a rejected frame (most of a
    // busy feed) allocates nothing.
    private static final AdsbResult.Rejected[] UNCONFIRMED = new AdsbResult.Rejected[32];
    private static final AdsbResult.Rejected[] WRONG_LENGTH = new AdsbResult.Rejected[32];
    private static final AdsbResult.Rejected[] BAD_PARITY = new AdsbResult.Rejected[32];
    private static final AdsbResult.Rejected[] UNSUPPORTED_DF = new AdsbResult.Rejected[32];
    private static final AdsbResult.Rejected[] UNSUPPORTED_DF18_CF = new AdsbResult.Rejected[8];

    static {
        for (int df = 0; df < 32; df++) {
            UNCONFIRMED[df] = new AdsbResult.Rejected(
                    AdsbResult.Cause.UNCONFIRMED_ADDRESS,
                    "DF" + df + " address (from parity) not confirmed by a DF11/17/18 in the last minute");
            int expected = df >= 16 ? 14 : 7;
            int got = df >= 16 ? 7 : 14; // a frame has 7 or 14 bytes: the wrong length is the other one
            WRONG_LENGTH[df] = new AdsbResult.Rejected(
                    AdsbResult.Cause.WRONG_LENGTH, "DF" + df + " needs " + expected * 8 + " bits, got " + got * 8);
            BAD_PARITY[df] = new AdsbResult.Rejected(AdsbResult.Cause.BAD_PARITY, "DF" + df + " parity check failed");
            UNSUPPORTED_DF[df] = new AdsbResult.Rejected(AdsbResult.Cause.UNSUPPORTED, "DF" + df + " is not decoded");
        }
        for (int cf = 0; cf < 8; cf++) {
            UNSUPPORTED_DF18_CF[cf] = new AdsbResult.Rejected(
                    AdsbResult.Cause.UNSUPPORTED, "DF18 control field " + cf + " is not decoded");
        }
    }

    private final InstantSource clock;
    private final boolean correctErrors;
    private final boolean acceptUnconfirmed;
    private final Optional<GeoPosition> receiver;
    private final long stateTimeoutMillis;
    private final AddressTable tracks = new AddressTable();
    /** The accepted frame being decoded: copied here from the caller's buffer, never allocated. */
    private final byte[] scratch = new byte[14];

    private long lastPruneMillis = Long.MIN_VALUE;

    private AdsbDecoder(Builder b) {
        this.clock = b.clock;
        this.correctErrors = b.correctErrors;
        this.acceptUnconfirmed = b.acceptUnconfirmed;
        this.receiver = b.receiver;
        this.stateTimeoutMillis = b.stateTimeout.toMillis();
    }

    /** A decoder with defaults: system clock, no error correction, unconfirmed addresses rejected. */
    public static AdsbDecoder create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Decodes a frame received now (by the injected clock). */
    public AdsbResult decode(ModeSFrame frame) {
        return decode(frame, clock.instant());
    }

    /** Decodes a frame received at {@code receivedAt}. */
    public AdsbResult decode(ModeSFrame frame, Instant receivedAt) {
        byte[] raw = frame.raw();
        return decodeChecked(raw, 0, raw.length, receivedAt);
    }

    /**
     * Decodes the frame in {@code bytes[offset, offset + length)} received at {@code receivedAt}:
     * the same as {@link #decode(ModeSFrame, Instant)} without making a {@link ModeSFrame} first.
     * The array is not kept. A refused frame costs no allocation at all (the {@link
     * AdsbResult.Rejected} is a shared constant) and an accepted one a single {@link
     * AdsbResult.Decoded} (a resolved CPR position adds its {@link GeoPosition}), so a feed reader
     * can hand over frames straight from its input buffer.
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code bytes}
     */
    public AdsbResult decode(byte[] bytes, int offset, int length, Instant receivedAt) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length != 7 && length != 14) {
            return new AdsbResult.Rejected(
                    AdsbResult.Cause.WRONG_LENGTH, "A Mode S frame has 7 or 14 bytes, not " + length);
        }
        return decodeChecked(bytes, offset, length, receivedAt);
    }

    /** Decodes 14 or 28 hex digits; anything else is rejected. */
    public AdsbResult decodeHex(CharSequence hex, Instant receivedAt) {
        byte[] bytes = ModeSFrame.hexToBytes(hex, 0, hex.length());
        if (bytes == null) {
            return new AdsbResult.Rejected(
                    AdsbResult.Cause.NOT_HEX, "not 14 or 28 hex digits: '" + abbreviate(hex) + "'");
        }
        return decodeChecked(bytes, 0, bytes.length, receivedAt);
    }

    private static String abbreviate(CharSequence text) {
        return text.length() <= 40 ? text.toString() : text.subSequence(0, 40) + "…";
    }

    /*
     * The checks that can refuse a frame read it in place (b, o); a frame that passes them is
     * copied into the decoder's scratch array (no allocation), folded into its aircraft's state
     * from there, and packed into its Decoded, which makes the message only when asked.
     */
    private AdsbResult decodeChecked(byte[] b, int o, int length, Instant at) {
        int df = (b[o] & 0xFF) >>> 3;
        int expected = df >= 16 ? 14 : 7;
        if (length != expected) {
            return WRONG_LENGTH[df];
        }
        return switch (df) {
            case 17, 18 -> extendedSquitter(b, o, df, at);
            case 11 -> allCall(b, o, at);
            case 0, 4, 5, 16, 20, 21 -> addressParity(b, o, length, df, at);
            default -> UNSUPPORTED_DF[df];
        };
    }

    private byte[] scratch(byte[] b, int o, int length) {
        System.arraycopy(b, o, scratch, 0, length);
        return scratch;
    }

    private AdsbResult extendedSquitter(byte[] b, int o, int df, Instant at) {
        AdsbResult.AddressCheck check = AdsbResult.AddressCheck.PARITY;
        int syndrome = Crc24.syndrome(b, o, 14);
        int flipped = -1;
        if (syndrome != 0) {
            flipped = correctErrors ? Crc24.singleBitError(syndrome) : -1;
            if (flipped < 0) {
                return BAD_PARITY[df];
            }
            check = AdsbResult.AddressCheck.CORRECTED;
        }
        byte[] f = scratch(b, o, 14);
        if (flipped >= 0) {
            f[flipped >>> 3] ^= (byte) (0x80 >>> (flipped & 7));
        }
        // DO-260B Table 2-11: CF 3 (TIS-B management), 4 (coarse TIS-B), 7 reserved.
        int cf = f[0] & 7;
        if (df == 18 && cf > 2 && cf != 5 && cf != 6) {
            return UNSUPPORTED_DF18_CF[cf];
        }
        long millis = at.toEpochMilli();
        IcaoAddress address = address(Bits.get(f, 9, 24));
        if (df == 17 || cf == 0) {
            tracks.getOrCreate(address).confirmedMillis = millis;
        }
        return decoded(f, 14, address, at, millis, check);
    }

    private AdsbResult allCall(byte[] b, int o, Instant at) {
        int syndrome = Crc24.syndrome(b, o, 7);
        // Annex 10 Vol IV §3.1.2.3.3.2: DF11 parity is overlaid with the interrogator code (II or
        // SI, low 7 bits); anything in the upper 17 bits is an error.
        if ((syndrome & 0xFFFF80) != 0) {
            return BAD_PARITY[11];
        }
        byte[] f = scratch(b, o, 7);
        long millis = at.toEpochMilli();
        IcaoAddress address = address(Bits.get(f, 9, 24));
        if (syndrome == 0) {
            // Only a reply to an all-call with II=0 vouches for the address: a non-zero code may be
            // noise that happens to leave the upper parity bits clear (dump1090 does the same).
            tracks.getOrCreate(address).confirmedMillis = millis;
        }
        return decoded(f, 7, address, at, millis, AdsbResult.AddressCheck.PARITY);
    }

    private AdsbResult addressParity(byte[] b, int o, int length, int df, Instant at) {
        // Annex 10 Vol IV §3.1.2.3.3.2: AP = parity XOR address, so the syndrome is the address.
        int syndrome = Crc24.syndrome(b, o, length);
        Track seen = tracks.get(syndrome);
        long millis = at.toEpochMilli();
        boolean known = seen != null && millis - seen.confirmedMillis <= KNOWN_ADDRESS_MILLIS;
        if (!known && !acceptUnconfirmed) {
            // Most frames of a busy feed end here: the reason is a constant, not built per frame.
            return UNCONFIRMED[df];
        }
        byte[] f = scratch(b, o, length);
        IcaoAddress address = seen != null ? seen.address : new IcaoAddress(syndrome);
        AdsbResult.AddressCheck check =
                known ? AdsbResult.AddressCheck.KNOWN_ADDRESS : AdsbResult.AddressCheck.UNCONFIRMED;
        return decoded(f, length, address, at, millis, check);
    }

    /** The address value as an {@link IcaoAddress}, shared with its track when there is one. */
    private IcaoAddress address(int value) {
        Track t = tracks.get(value);
        return t != null ? t.address : new IcaoAddress(value);
    }

    /** Folds the accepted frame {@code f} into its aircraft (unless unconfirmed) and packs it. */
    private AdsbResult decoded(
            byte[] f, int length, IcaoAddress address, Instant at, long millis, AdsbResult.AddressCheck check) {
        GeoPosition position = null;
        if (check != AdsbResult.AddressCheck.UNCONFIRMED) {
            Track track = tracks.getOrCreate(address);
            position = track.update(f, millis, receiver);
            prune(millis);
        }
        return new AdsbResult.Decoded(f, length, address, position, at, check);
    }

    private void prune(long now) {
        if (now - lastPruneMillis < 10_000) {
            return;
        }
        lastPruneMillis = now;
        tracks.removeStale(now, stateTimeoutMillis);
    }

    /** The state of every aircraft heard within the state timeout, ordered by address. */
    public List<AircraftState> aircraft() {
        List<AircraftState> out = new ArrayList<>(tracks.size());
        for (Track t : tracks.values()) {
            out.add(t.snapshot());
        }
        out.sort(Comparator.comparing(AircraftState::address));
        return out;
    }

    /** The state of one aircraft, if it was heard within the state timeout. */
    public Optional<AircraftState> aircraft(IcaoAddress address) {
        Track t = tracks.get(address.value());
        return t == null ? Optional.empty() : Optional.of(t.snapshot());
    }

    /** Options for {@link AdsbDecoder}. */
    public static final class Builder {
        private InstantSource clock = InstantSource.system();
        private boolean correctErrors;
        private boolean acceptUnconfirmed;
        private Optional<GeoPosition> receiver = Optional.empty();
        private Duration stateTimeout = Duration.ofMinutes(5);

        private Builder() {}

        /** The clock for {@link #decode(ModeSFrame)}; default the system clock. */
        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        /** Repair one flipped bit in DF17/18 (never the DF field); default off, as dump1090 --fix. */
        public Builder correctSingleBitErrors(boolean on) {
            this.correctErrors = on;
            return this;
        }

        /**
         * Decode DF0/4/5/16/20/21 even when the recovered address was not seen in a DF11/17/18
         * within a minute (they are then marked UNCONFIRMED and do not update aircraft state).
         * Default off: an unconfirmed address is most often a corrupted frame.
         */
        public Builder acceptUnconfirmedAddresses(boolean on) {
            this.acceptUnconfirmed = on;
            return this;
        }

        /**
         * The receiver's position: the reference that resolves surface positions (DO-260B
         * A.1.7.8 needs one) for vehicles not seen airborne first.
         */
        public Builder receiverPosition(GeoPosition position) {
            this.receiver = Optional.of(position);
            return this;
        }

        /** How long an aircraft stays in {@link #aircraft()} after its last message; default 5 min. */
        public Builder stateTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("stateTimeout must be positive: " + timeout);
            }
            this.stateTimeout = timeout;
            return this;
        }

        public AdsbDecoder build() {
            return new AdsbDecoder(this);
        }
    }
}
