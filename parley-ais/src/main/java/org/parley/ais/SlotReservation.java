package org.parley.ais;

/** One reservation block of message 20 (ITU-R M.1371-5 Table 59); all zero when absent. */
public record SlotReservation(int offset, int number, int timeoutMinutes, int increment) {
    public SlotReservation {
        Check.unsigned(offset, 12, "offset");
        Check.unsigned(number, 4, "number");
        Check.unsigned(timeoutMinutes, 3, "timeoutMinutes");
        Check.unsigned(increment, 11, "increment");
    }
}
