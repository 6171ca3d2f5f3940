package org.parley.ais;

import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes AIS NMEA 0183 lines ({@code !xxVDM}/{@code !xxVDO}, with tag blocks, trailing epochs and
 * {@code $PGHP} times) into messages of ITU-R M.1371-5.
 *
 * <p>Offer lines in feed order to {@link #decode}; each returns {@link AisResult.Decoded} for a
 * complete message, {@link AisResult.Pending} when a fragment (or a time for the next line) was
 * stored, or {@link AisResult.Rejected} with the reason. No line ever throws. Rejections are also
 * counted per reason, including multipart messages that were dropped unfinished.
 *
 * <p>An instance keeps multipart state, so use one per feed and one thread at a time.
 */
@SuppressWarnings("EnumOrdinal") // reject counters are an array indexed by reason
public final class AisDecoder {
    /** Default time a partly received multipart message waits for its other fragments. */
    public static final Duration DEFAULT_FRAGMENT_TIMEOUT = Duration.ofSeconds(60);

    private final InstantSource clock;
    private final Sentence sentence = new Sentence();
    private final Bits bits = new Bits();
    private static final int LINE_CHARS = 256;
    /** A buffer grown past this for an odd long line is dropped after it, not kept for the feed's life. */
    private static final int KEPT_LINE_CHARS = 1 << 16;

    /** The current line, as characters (see {@link Sentence}). */
    private char[] chars = new char[LINE_CHARS];

    private int length;
    private final Reassembler reassembler;
    private final long[] rejects = new long[RejectReason.values().length];
    private final AisResult.Pending pending = new AisResult.Pending();
    // Most rejected lines in real feeds are other NMEA sentences: answer them without allocating.
    private static final AisResult.Rejected NOT_AIS =
            new AisResult.Rejected(RejectReason.NOT_AIS, "not an AIS sentence (!xxVDM or !xxVDO)");
    private long decoded;
    private long tagChecksumsWrong;
    private long carriedTimeMillis = Long.MIN_VALUE;

    private AisDecoder(InstantSource clock, Duration fragmentTimeout) {
        if (fragmentTimeout.isNegative() || fragmentTimeout.isZero()) {
            throw new IllegalArgumentException("fragmentTimeout must be positive: " + fragmentTimeout);
        }
        this.clock = clock;
        this.reassembler = new Reassembler(fragmentTimeout.toMillis());
    }

    /** A decoder on the system clock with the default fragment timeout. */
    public static AisDecoder create() {
        return new AisDecoder(InstantSource.system(), DEFAULT_FRAGMENT_TIMEOUT);
    }

    /** A decoder whose fragment timeout runs on {@code clock}. */
    public static AisDecoder create(InstantSource clock, Duration fragmentTimeout) {
        return new AisDecoder(clock, fragmentTimeout);
    }

    /** Decodes one line of a feed. */
    public AisResult decode(CharSequence line) {
        int n = line.length();
        char[] c = room(n);
        if (line instanceof String s) {
            s.getChars(0, n, c, 0);
        } else {
            for (int i = 0; i < n; i++) {
                c[i] = line.charAt(i);
            }
        }
        return decodeAndShrink(n);
    }

    /**
     * Decodes the line held in {@code buffer[from, to)}, one ISO-8859-1 character per byte (NMEA
     * 0183 is ASCII), exactly as {@link #decode(CharSequence)} decodes the same text. For readers
     * that split an input buffer into lines themselves: no {@code String} is made for the line, and
     * the buffer may be reused as soon as this returns.
     */
    public AisResult decode(byte[] buffer, int from, int to) {
        Objects.checkFromToIndex(from, to, buffer.length);
        int n = to - from;
        char[] c = room(n);
        for (int i = 0; i < n; i++) {
            c[i] = (char) (buffer[from + i] & 0xFF);
        }
        return decodeAndShrink(n);
    }

    private char[] room(int n) {
        if (chars.length < n) {
            chars = new char[Math.max(n, 2 * chars.length)];
        }
        length = n;
        return chars;
    }

    private AisResult decodeAndShrink(int n) {
        AisResult result = decodeLine(n);
        if (chars.length > KEPT_LINE_CHARS) {
            chars = new char[LINE_CHARS];
        }
        return result;
    }

    private AisResult decodeLine(int n) {
        RejectReason bad = sentence.parse(chars, n);
        if (sentence.tagChecksumWrong) {
            tagChecksumsWrong++;
        }
        if (bad != null) {
            return reject(bad);
        }
        if (sentence.timeOnly) {
            carriedTimeMillis = sentence.timeMillis;
            return pending;
        }
        if (sentence.timeMillis == Long.MIN_VALUE) {
            sentence.timeMillis = carriedTimeMillis;
        }
        carriedTimeMillis = Long.MIN_VALUE;
        if (sentence.fragmentCount == 1) {
            return single();
        }
        return fragment();
    }

    private AisResult single() {
        bits.clear();
        if (!bits.append(chars, sentence.payloadStart, sentence.payloadEnd)) {
            return reject(RejectReason.BAD_PAYLOAD);
        }
        bits.dropFill(sentence.fillBits);
        return message(sentence.timeMillis);
    }

    private AisResult fragment() {
        for (int i = sentence.payloadStart; i < sentence.payloadEnd; i++) {
            if (Bits.dearmour(chars[i]) < 0) {
                return reject(RejectReason.BAD_PAYLOAD);
            }
        }
        Reassembler.Slot slot = reassembler.offer(sentence, clock.millis());
        rejects[RejectReason.INCOMPLETE_MESSAGE.ordinal()] += reassembler.dropped;
        if (reassembler.reason != null) {
            return reject(reassembler.reason);
        }
        if (slot == null) {
            return pending;
        }
        bits.clear();
        boolean fits = true;
        for (int i = 0; i < slot.count && fits; i++) {
            String part = slot.payloads[i];
            fits = part != null && bits.append(part);
        }
        int fill = slot.lastFill;
        long time = slot.timeMillis;
        reassembler.free(slot);
        if (!fits) {
            return reject(RejectReason.BAD_LENGTH);
        }
        bits.dropFill(fill);
        return message(time);
    }

    private AisResult message(long timeMillis) {
        if (bits.length() < 38) {
            return reject(RejectReason.BAD_LENGTH);
        }
        int type = bits.unsigned(0, 6);
        if (type < 1 || type > 27) {
            return reject(RejectReason.UNKNOWN_MESSAGE_TYPE);
        }
        AisMessage message;
        try {
            message = MessageReader.read(bits, type);
        } catch (IllegalArgumentException e) {
            return reject(RejectReason.INVALID_FIELD);
        }
        if (message == null) {
            return reject(RejectReason.BAD_LENGTH);
        }
        decoded++;
        return new AisResult.Decoded(message, sentence.ownShip, sentence.channel, sentence.source, timeMillis);
    }

    private AisResult reject(RejectReason reason) {
        rejects[reason.ordinal()]++;
        if (reason == RejectReason.NOT_AIS) {
            return NOT_AIS;
        }
        return new AisResult.Rejected(reason, detail(reason));
    }

    private String detail(RejectReason reason) {
        String shown = length > 100 ? new String(chars, 0, 100) + "..." : new String(chars, 0, length);
        return switch (reason) {
            case BAD_LENGTH -> "message length " + bits.length() + " bits does not fit its type: " + shown;
            case UNKNOWN_MESSAGE_TYPE -> "message type " + bits.unsigned(0, 6) + " is not 1..27: " + shown;
            default -> reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + shown;
        };
    }

    /**
     * Lines whose tag block carries a checksum that does not match it. Such lines are still decoded
     * (their sentence checksum decides): most receivers that write tag blocks put placeholders.
     */
    public long tagBlockChecksumMismatches() {
        return tagChecksumsWrong;
    }

    /** Messages decoded so far. */
    public long decodedCount() {
        return decoded;
    }

    /** Rejections so far, per reason (reasons never seen are absent). */
    public Map<RejectReason, Long> rejectCounts() {
        Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            if (rejects[r.ordinal()] > 0) {
                counts.put(r, rejects[r.ordinal()]);
            }
        }
        return counts;
    }
}
