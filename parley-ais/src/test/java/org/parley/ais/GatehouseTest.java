package org.parley.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The $PGHP time in plain arithmetic agrees with java.time wherever java.time can answer. */
class GatehouseTest {
    @Property(tries = 5_000)
    void timeMillis_anyFields_sameAsJavaTime(
            @ForAll("years") long year,
            @ForAll @IntRange(max = 13) int month,
            @ForAll @IntRange(max = 32) int day,
            @ForAll @IntRange(max = 25) int hour,
            @ForAll @IntRange(max = 61) int minute,
            @ForAll @IntRange(max = 61) int second,
            @ForAll("millis") long millis) {
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

    @Provide
    Arbitrary<Long> years() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 3000),
                Arbitraries.of(1600L, 1900L, 2000L, 2100L, 2400L),
                Arbitraries.longs().between(0, 1_200_000_000L));
    }

    @Provide
    Arbitrary<Long> millis() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 999), Arbitraries.longs().between(0, 999_999_999_999_999_999L));
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
