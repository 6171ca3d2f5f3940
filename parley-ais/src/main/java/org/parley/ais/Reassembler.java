package org.parley.ais;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Holds fragments of multipart messages (IEC 61162-1 §8.3.88: up to 9 sentences sharing a
 * sequential message identifier) until all have arrived. Keyed by tag-block source, channel,
 * sequence id and fragment count; a bounded number of slots keeps memory fixed, and a slot older
 * than the timeout is dropped.
 */
final class Reassembler {
    static final int SLOTS = 32;

    private final Slot[] slots = new Slot[SLOTS];
    private final long timeoutMillis;

    Reassembler(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Slot();
        }
    }

    static final class Slot {
        boolean used;
        String source = "";
        char channel;
        int sequenceId;
        int count;
        int receivedMask;
        long startedMillis;
        long timeMillis;
        final String[] payloads = new String[9];
        int lastFill;

        boolean matches(Sentence s) {
            return used
                    && count == s.fragmentCount
                    && sequenceId == s.sequenceId
                    && channel == s.channel
                    // Later fragments often carry a tag block without s: (it is on the group's first line).
                    && (source.isEmpty() || s.source.isEmpty() || source.equals(s.source));
        }

        boolean complete() {
            return receivedMask == (1 << count) - 1;
        }
    }

    /** Outcome of {@link #offer}: the reason for a rejection, how many groups were dropped. */
    @Nullable
    RejectReason reason;

    int dropped;

    /**
     * Stores a fragment; returns the completed slot (caller assembles and then calls {@link #free})
     * or null, with {@link #reason} set when the fragment was refused.
     */
    @Nullable
    Slot offer(Sentence s, long nowMillis) {
        reason = null;
        dropped = expire(nowMillis);
        Slot slot = find(s);
        int bit = 1 << (s.fragmentNumber - 1);
        if (s.fragmentNumber == 1) {
            if (slot != null) {
                dropped++;
                free(slot);
            }
            slot = claim();
            slot.used = true;
            slot.source = s.source;
            slot.channel = s.channel;
            slot.sequenceId = s.sequenceId;
            slot.count = s.fragmentCount;
            slot.startedMillis = nowMillis;
            slot.timeMillis = s.timeMillis;
        } else if (slot == null) {
            reason = RejectReason.ORPHAN_FRAGMENT;
            return null;
        } else if ((slot.receivedMask & bit) != 0) {
            reason = RejectReason.DUPLICATE_FRAGMENT;
            return null;
        }
        slot.receivedMask |= bit;
        slot.payloads[s.fragmentNumber - 1] = new String(s.line, s.payloadStart, s.payloadEnd - s.payloadStart);
        if (s.fragmentNumber == s.fragmentCount) {
            slot.lastFill = s.fillBits;
        }
        if (slot.timeMillis == Long.MIN_VALUE) {
            slot.timeMillis = s.timeMillis;
        }
        return slot.complete() ? slot : null;
    }

    void free(Slot slot) {
        slot.used = false;
        slot.receivedMask = 0;
        Arrays.fill(slot.payloads, null);
    }

    private @Nullable Slot find(Sentence s) {
        for (Slot slot : slots) {
            if (slot.matches(s)) {
                return slot;
            }
        }
        return null;
    }

    private Slot claim() {
        Slot oldest = slots[0];
        for (Slot slot : slots) {
            if (!slot.used) {
                return slot;
            }
            if (slot.startedMillis < oldest.startedMillis) {
                oldest = slot;
            }
        }
        dropped++;
        free(oldest);
        return oldest;
    }

    private int expire(long nowMillis) {
        int n = 0;
        for (Slot slot : slots) {
            if (slot.used && nowMillis - slot.startedMillis > timeoutMillis) {
                free(slot);
                n++;
            }
        }
        return n;
    }
}
