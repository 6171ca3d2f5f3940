package org.parley.ais;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Gatehouse {@code $PGHP,1,yyyy,mm,dd,HH,MM,SS,mss,...} proprietary sentence: the receive time of the
 * AIS sentence that follows it (format 1; other formats carry no time and are ignored).
 */
final class Gatehouse {
    private Gatehouse() {}

    /** Epoch milliseconds, or Long.MIN_VALUE when the sentence is not a readable format-1 time. */
    static long timeMillis(char[] text, int from, int end) {
        long[] f = new long[8];
        int pos = from;
        for (int i = 0; i < 8; i++) {
            int comma = Sentence.indexOf(text, ',', pos, end);
            if (comma < 0) {
                return Long.MIN_VALUE;
            }
            f[i] = Sentence.number(text, pos, comma);
            if (f[i] < 0) {
                return Long.MIN_VALUE;
            }
            pos = comma + 1;
        }
        if (f[0] != 1) {
            return Long.MIN_VALUE;
        }
        try {
            LocalDateTime t = LocalDateTime.of((int) f[1], (int) f[2], (int) f[3], (int) f[4], (int) f[5], (int) f[6]);
            return t.toInstant(ZoneOffset.UTC).toEpochMilli() + f[7];
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }
}
