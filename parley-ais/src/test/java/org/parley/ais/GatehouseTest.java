package org.parley.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.testing.Generators;
import org.parley.testing.SeededTest;

/** The $PGHP time in plain arithmetic agrees with java.time wherever java.time can answer. */
class GatehouseTest {
    @SeededTest(tries = 5_000)
    void timeMillis_anyFields_sameAsJavaTime(SplittableRandom random) {
        long year = year(random);
        // One past each field's range, so that out-of-range fields are tried too.
        int month = Generators.intBetween(random, 0, 13);
        int day = Generators.intBetween(random, 0, 32);
        int hour = Generators.intBetween(random, 0, 25);
        int minute = Generators.intBetween(random, 0, 61);
        int second = Generators.intBetween(random, 0, 61);
        long millis = millis(random);
        String fields = "1," + year + "," + month + "," + day + "," + hour + "," + minute + "," + second + "," + millis
                + ",338,2,,1,09";

        assertThat(Gatehouse.timeMillis(fields.toCharArray(), 0, fields.length()))
                .as(fields)
                .isEqualTo(javaTime(year, month, day, hour, minute, second, millis));
    }

    @Test
    void timeMillis_pyaisSample_isTheDocumentedInstant() {
        String fields = "1,2008,5,9,0,0,0,10,338,2,,1,09";

        assertThat(Gatehouse.timeMillis(fields.toCharArray(), 0, fields.length()))
                .isEqualTo(java.time.Instant.parse("2008-05-09T00:00:00.010Z").toEpochMilli());
    }

    @Test
    void decode_timeBeyondEpochMillis_notAnExceptionButNotAis() {
        AisDecoder decoder = AisDecoder.create();

        assertThat(decoder.decode("$PGHP,1,999999999,1,1,0,0,0,0,0,0,0,0*00")).isInstanceOf(AisResult.Rejected.class);
        assertThat(decoder.decode("!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*23"))
                .isInstanceOf(AisResult.Decoded.class);
    }

    /** Ordinary years, the century leap-year edges, and years beyond what java.time holds. */
    private static long year(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> Generators.longBetween(random, 0, 3000);
            case 1 -> Generators.oneOf(random, 1600L, 1900L, 2000L, 2100L, 2400L);
            default -> Generators.longBetween(random, 0, 1_200_000_000L);
        };
    }

    private static long millis(SplittableRandom random) {
        return random.nextBoolean()
                ? Generators.longBetween(random, 0, 999)
                : Generators.longBetween(random, 0, 999_999_999_999_999_999L);
    }

    private static long javaTime(long year, int month, int day, int hour, int minute, int second, long millis) {
        if (year > java.time.Year.MAX_VALUE) {
            return Long.MIN_VALUE;
        }
        try {
            long epochMillis = LocalDateTime.of((int) year, month, day, hour, minute, second)
                    .toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
            return Math.addExact(epochMillis, millis);
        } catch (DateTimeException | ArithmeticException e) {
            return Long.MIN_VALUE;
        }
    }
}
