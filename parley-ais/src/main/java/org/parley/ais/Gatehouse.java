package org.parley.ais;

/**
 * Gatehouse {@code $PGHP,1,yyyy,mm,dd,HH,MM,SS,mss,...} proprietary sentence: the receive time of the
 * AIS sentence that follows it (format 1; other formats carry no time and are ignored).
 *
 * <p>The time is computed in plain arithmetic (one in ten lines of a Gatehouse feed is such a
 * sentence): the fields are checked as {@code LocalDateTime.of} checks them (month 1-12, a day of
 * that month in the proleptic Gregorian calendar, hour 0-23, minute and second 0-59), and a time
 * whose milliseconds do not fit a {@code long} is not readable rather than an exception.
 */
final class Gatehouse {
    private static final long MAX_YEAR = 999_999_999; // java.time.Year.MAX_VALUE, as LocalDateTime.of allows

    private Gatehouse() {}

    /** Epoch milliseconds, or Long.MIN_VALUE when the sentence is not a readable format-1 time. */
    static long timeMillis(char[] text, int from, int end) {
        long format = 0;
        long year = 0;
        long month = 0;
        long day = 0;
        long hour = 0;
        long minute = 0;
        long second = 0;
        long millis = 0;
        int pos = from;
        for (int i = 0; i < 8; i++) {
            int comma = Sentence.indexOf(text, ',', pos, end);
            if (comma < 0) {
                return Long.MIN_VALUE;
            }
            long value = Sentence.number(text, pos, comma);
            if (value < 0) {
                return Long.MIN_VALUE;
            }
            switch (i) {
                case 0 -> format = value;
                case 1 -> year = value;
                case 2 -> month = value;
                case 3 -> day = value;
                case 4 -> hour = value;
                case 5 -> minute = value;
                case 6 -> second = value;
                default -> millis = value;
            }
            pos = comma + 1;
        }
        if (format != 1 || year > MAX_YEAR || month < 1 || month > 12 || day < 1) {
            return Long.MIN_VALUE;
        }
        if (day > daysInMonth(year, (int) month) || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        long seconds = epochDay(year, (int) month, (int) day) * 86_400 + hour * 3600 + minute * 60 + second;
        if (seconds > (Long.MAX_VALUE - millis) / 1000) {
            return Long.MIN_VALUE; // beyond what epoch milliseconds can hold
        }
        return seconds * 1000 + millis;
    }

    private static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(long year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /**
     * Days from 1970-01-01 to a proleptic Gregorian date with {@code year >= 0}: March-based years
     * so that the leap day ends the year, then whole 400-year eras of 146 097 days.
     */
    private static long epochDay(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
