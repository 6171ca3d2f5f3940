package org.parley.ais;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.testing.TestClock;

/**
 * The NMEA layer: sentences taken from the shared corpora (dma_small_cb_example.txt,
 * libais_tagblock.nmea, pyais_timestamped.ais, amsa_exact-earth-augmented.txt), expected values from
 * the peer decodes of those lines or from IEC 61162-1 / ITU-R M.1371-5.
 */
class AisDecoderTest {
    private static final String TYPE1 = "!AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3E";
    private static final String TYPE5_PART1 =
            "!AIVDM,2,1,1,,53B?8r021g8HuHtk:20dTpN1<D5L5U>22222220002R0L33Aa?4i@H888888,0*6E";
    private static final String TYPE5_PART2 = "!AIVDM,2,2,1,,88888888888,2*6C";

    private final TestClock clock = TestClock.atEpochOfTests();
    private final AisDecoder decoder = AisDecoder.create(clock, Duration.ofSeconds(10));

    @Test
    void decode_singleSentence_returnsPositionReportWithMmsi() {
        // dma_small_cb_example.txt line 1; the peer decodes read MMSI 327801000.
        AisResult result = decoder.decode(TYPE1);

        assertThat(result).isInstanceOf(AisResult.Decoded.class);
        AisMessage message = ((AisResult.Decoded) result).message();
        assertThat(message).isInstanceOf(ClassAPositionReport.class);
        assertThat(message.mmsi()).isEqualTo(327801000);
    }

    @Test
    void decode_trailingEpochSeconds_setsTime() {
        AisResult.Decoded d = (AisResult.Decoded) decoder.decode(TYPE1 + ",1357134218");

        assertThat(d.time()).contains(Instant.ofEpochSecond(1357134218));
    }

    @Test
    void decode_trailingEpochMillis_setsTime() {
        // amsa_exact-earth-augmented.txt: 13-digit epoch milliseconds after the checksum.
        AisResult.Decoded d = (AisResult.Decoded) decoder.decode(TYPE1 + ",1327992119173");

        assertThat(d.time()).contains(Instant.ofEpochMilli(1327992119173L));
    }

    @Test
    void decode_badChecksum_rejectsWithReason() {
        AisResult result = decoder.decode(TYPE1.replace("*3E", "*3F"));

        assertThat(result)
                .isInstanceOfSatisfying(
                        AisResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.BAD_CHECKSUM));
        assertThat(decoder.rejectCounts()).containsEntry(RejectReason.BAD_CHECKSUM, 1L);
    }

    @Test
    void decode_tagBlockWithSourceAndTime_carriesBoth() {
        String line = "\\s:rORBCOMM104,q:u,c:1418172113,T:2014-12-10 00.41.53*55\\"
                + "!AIVDM,1,1,,B,13F?Vv700<DJuLEtvep`iToV0<00,0*78";

        AisResult.Decoded d = (AisResult.Decoded) decoder.decode(line);

        assertThat(d.sourceStation()).isEqualTo("rORBCOMM104");
        assertThat(d.time()).contains(Instant.parse("2014-12-10T00:41:53Z"));
        assertThat(d.channel()).isEqualTo('B');
    }

    /**
     * IEC 61162-1 §7.9: a tag block's checksum is the XOR of its characters between the backslash
     * and the '*'. A wrong one (amsa_nmea-timestamped.txt writes *00 where 5B is due) is counted,
     * and the line is still decoded: its sentence checksum is right.
     */
    @Test
    void decode_tagBlockChecksums_wrongOnesCountedLinesStillDecoded() {
        String right = "\\s:rORBCOMM104,q:u,c:1418172113,T:2014-12-10 00.41.53*55\\"
                + "!AIVDM,1,1,,B,13F?Vv700<DJuLEtvep`iToV0<00,0*78";
        String placeholder = "\\c:1420030798*00\\!ABVDM,1,1,4,B,17P;HV?P008F98Il;EC1mOwL0@KP,0*22";
        String oneDigit = "\\c:1420030798*5\\!ABVDM,1,1,4,B,17P;HV?P008F98Il;EC1mOwL0@KP,0*22";
        String corrected = "\\c:1420030798*5B\\!ABVDM,1,1,4,B,17P;HV?P008F98Il;EC1mOwL0@KP,0*22";

        assertThat(decoder.decode(right)).isInstanceOf(AisResult.Decoded.class);
        assertThat(decoder.tagBlockChecksumMismatches()).isZero();
        assertThat(decoder.decode(placeholder)).isInstanceOf(AisResult.Decoded.class);
        assertThat(decoder.decode(oneDigit)).isInstanceOf(AisResult.Decoded.class);
        assertThat(decoder.tagBlockChecksumMismatches()).isEqualTo(2);
        assertThat(decoder.decode(corrected)).isInstanceOf(AisResult.Decoded.class);
        assertThat(decoder.tagBlockChecksumMismatches()).isEqualTo(2);
    }

    @Test
    void decode_tagBlockAloneOnLine_appliesToNextSentence() {
        assertThat(decoder.decode("\\c:1354719388*56\\")).isInstanceOf(AisResult.Pending.class);

        AisResult.Decoded d = (AisResult.Decoded) decoder.decode(TYPE1);

        assertThat(d.time()).contains(Instant.ofEpochSecond(1354719388));
    }

    @Test
    void decode_gatehouseTime_appliesToNextSentence() {
        // pyais_timestamped.ais: $PGHP format 1 = 2008-05-09 00:00:00.010 before the sentence.
        assertThat(decoder.decode("$PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09*17")).isInstanceOf(AisResult.Pending.class);

        AisResult.Decoded d = (AisResult.Decoded) decoder.decode("!AIVDM,1,1,,B,15NBj>PP1gG>1PVKTDTUJOv00<0M,0*09");

        assertThat(d.time()).contains(Instant.parse("2008-05-09T00:00:00.010Z"));
    }

    @Test
    void decode_twoFragments_returnsStaticVoyageData() {
        assertThat(decoder.decode(TYPE5_PART1)).isInstanceOf(AisResult.Pending.class);

        AisResult result = decoder.decode(TYPE5_PART2);

        assertThat(result)
                .isInstanceOfSatisfying(
                        AisResult.Decoded.class, d -> assertThat(d.message()).isInstanceOf(StaticVoyageData.class));
    }

    @Test
    void decode_secondFragmentAlone_rejectsAsOrphan() {
        AisResult result = decoder.decode(TYPE5_PART2);

        assertThat(result)
                .isInstanceOfSatisfying(
                        AisResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.ORPHAN_FRAGMENT));
    }

    @Test
    void decode_fragmentTwiceThenRest_rejectsDuplicateAndStillCompletes() {
        String part1Of3 = "!AIVDM,3,1,7,A,53B?8r021g8HuHtk:20dTpN1<D5L5U>2222222,0*"
                + checksum("AIVDM,3,1,7,A,53B?8r021g8HuHtk:20dTpN1<D5L5U>2222222,0");
        decoder.decode(part1Of3);
        String part2 = "AIVDM,3,2,7,A,0002R0L33Aa?4i@H888888,0";
        decoder.decode("!" + part2 + "*" + checksum(part2));

        AisResult again = decoder.decode("!" + part2 + "*" + checksum(part2));
        String part3 = "AIVDM,3,3,7,A,88888888888,2";
        AisResult last = decoder.decode("!" + part3 + "*" + checksum(part3));

        assertThat(again)
                .isInstanceOfSatisfying(
                        AisResult.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectReason.DUPLICATE_FRAGMENT));
        assertThat(last).isInstanceOf(AisResult.Decoded.class);
    }

    @Test
    void decode_secondFragmentAfterTimeout_rejectsAndCountsIncomplete() {
        decoder.decode(TYPE5_PART1);
        clock.advance(Duration.ofSeconds(11));

        AisResult result = decoder.decode(TYPE5_PART2);

        assertThat(result)
                .isInstanceOfSatisfying(
                        AisResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.ORPHAN_FRAGMENT));
        assertThat(decoder.rejectCounts()).containsEntry(RejectReason.INCOMPLETE_MESSAGE, 1L);
    }

    @Test
    void decode_oddTalkerAndChannels_areAccepted() {
        // amsa_ais.part1.txt uses "!=I" talkers and channels 1/2/0; dma uses "!--" and channel C.
        String body = "=IVDM,1,1,,0,18JSmJ001D8FqSClKd51JAD20D0W,0";

        assertThat(decoder.decode("!" + body + "*" + checksum(body))).isInstanceOf(AisResult.Decoded.class);
        assertThat(decoder.decode("!--VDM,1,1,,C,14pWHb?P03rwO<F:RQOnROw<25bd,0*"
                        + checksum("--VDM,1,1,,C,14pWHb?P03rwO<F:RQOnROw<25bd,0")))
                .isInstanceOf(AisResult.Decoded.class);
    }

    @Test
    void decode_otherNmeaAndComments_rejectAsNotAis() {
        assertThat(decoder.decode("$PFOO,INVALID"))
                .isInstanceOfSatisfying(
                        AisResult.Rejected.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.NOT_AIS));
        assertThat(decoder.decode("# !AIVDM,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0*3E"))
                .isInstanceOf(AisResult.Rejected.class);
        assertThat(decoder.decode("")).isInstanceOf(AisResult.Rejected.class);
    }

    @Test
    void decode_vdo_marksOwnShip() {
        String body = "AIVDO,1,1,,B,14pWHb?P03rwO<F:RQOnROw<25bd,0";

        AisResult.Decoded d = (AisResult.Decoded) decoder.decode("!" + body + "*" + checksum(body));

        assertThat(d.ownShip()).isTrue();
    }

    /** IEC 61162-1 §7.2.3: XOR of all characters between '!' and '*'. */
    static String checksum(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum ^= body.charAt(i);
        }
        return String.format("%02X", sum);
    }
}
