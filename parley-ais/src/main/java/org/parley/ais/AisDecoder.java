package org.parley.ais;

import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;

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
    private final AsciiLine bytesLine = new AsciiLine();
    private final Reassembler reassembler;
    private final long[] rejects = new long[RejectReason.values().length];
    private final AisResult.Pending pending = new AisResult.Pending();
    // Most rejected lines in real feeds are other NMEA sentences: answer them without allocating.
    private static final AisResult.Rejected NOT_AIS =
            new AisResult.Rejected(RejectReason.NOT_AIS, "not an AIS sentence (!xxVDM or !xxVDO)");
    private long decoded;
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
        return decodeLine(line);
    }

    /**
     * Decodes the line held in {@code buffer[from, to)}, one ISO-8859-1 character per byte (NMEA
     * 0183 is ASCII), exactly as {@link #decode(CharSequence)} decodes the same text. For readers
     * that split an input buffer into lines themselves: no {@code String} is made for the line, and
     * the buffer may be reused as soon as this returns.
     */
    public AisResult decode(byte[] buffer, int from, int to) {
        return decodeLine(bytesLine.set(buffer, from, to));
    }

    private AisResult decodeLine(CharSequence line) {
        RejectReason bad = sentence.parse(line);
        if (bad != null) {
            return reject(bad, line);
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
            bits.clear();
            if (!bits.append(line, sentence.payloadStart, sentence.payloadEnd)) {
                return reject(RejectReason.BAD_PAYLOAD, line);
            }
            bits.dropFill(sentence.fillBits);
            return message(sentence.timeMillis, line);
        }
        return fragment(line);
    }

    private AisResult fragment(CharSequence line) {
        for (int i = sentence.payloadStart; i < sentence.payloadEnd; i++) {
            if (Bits.dearmour(line.charAt(i)) < 0) {
                return reject(RejectReason.BAD_PAYLOAD, line);
            }
        }
        Reassembler.Slot slot = reassembler.offer(sentence, clock.millis());
        rejects[RejectReason.INCOMPLETE_MESSAGE.ordinal()] += reassembler.dropped;
        if (reassembler.reason != null) {
            return reject(reassembler.reason, line);
        }
        if (slot == null) {
            return pending;
        }
        bits.clear();
        boolean fits = true;
        for (int i = 0; i < slot.count && fits; i++) {
            String part = slot.payloads[i];
            fits = part != null && bits.append(part, 0, part.length());
        }
        int fill = slot.lastFill;
        long time = slot.timeMillis;
        reassembler.free(slot);
        if (!fits) {
            return reject(RejectReason.BAD_LENGTH, line);
        }
        bits.dropFill(fill);
        return message(time, line);
    }

    private AisResult message(long timeMillis, CharSequence line) {
        if (bits.length() < 38) {
            return reject(RejectReason.BAD_LENGTH, line);
        }
        int type = bits.unsigned(0, 6);
        if (type < 1 || type > 27) {
            return reject(RejectReason.UNKNOWN_MESSAGE_TYPE, line);
        }
        AisMessage message;
        try {
            message = MessageReader.read(bits, type);
        } catch (IllegalArgumentException e) {
            return reject(RejectReason.INVALID_FIELD, line);
        }
        if (message == null) {
            return reject(RejectReason.BAD_LENGTH, line);
        }
        decoded++;
        return new AisResult.Decoded(message, sentence.ownShip, sentence.channel, sentence.source, timeMillis);
    }

    private AisResult reject(RejectReason reason, CharSequence line) {
        rejects[reason.ordinal()]++;
        if (reason == RejectReason.NOT_AIS) {
            return NOT_AIS;
        }
        return new AisResult.Rejected(reason, detail(reason, line));
    }

    private String detail(RejectReason reason, CharSequence line) {
        String shown = line.length() > 100 ? line.subSequence(0, 100) + "..." : line.toString();
        return switch (reason) {
            case BAD_LENGTH -> "message length " + bits.length() + " bits does not fit its type: " + shown;
            case UNKNOWN_MESSAGE_TYPE -> "message type " + bits.unsigned(0, 6) + " is not 1..27: " + shown;
            default -> reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + shown;
        };
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
