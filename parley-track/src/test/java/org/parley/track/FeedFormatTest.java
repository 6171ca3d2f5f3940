package org.parley.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedFormatTest {
    private static FeedFormat sniff(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return FeedFormat.sniff(bytes, bytes.length);
    }

    @Test
    void sniff_aisSentencesWithTagBlocks_isAisNmea() {
        assertThat(sniff("\\s:2573345,c:1671620143*0B\\!AIVDM,1,1,,A,13HOI:0P0000VOHLCnHQKwvL05Ip,0*23\n"))
                .isEqualTo(FeedFormat.AIS_NMEA);
        assertThat(sniff("!AIVDO,1,1,,,B>eq`d@0000GWL`Vt`0>wwwwP06,0*0B\n")).isEqualTo(FeedFormat.AIS_NMEA);
    }

    @Test
    void sniff_reportCsvWithHeader_isReportCsv() {
        assertThat(sniff("time,target,lat,lon\n2023-06-03T09:00:00Z,MMSI:369970093,24.2,119.4\n"))
                .isEqualTo(FeedFormat.REPORT_CSV);
    }

    @Test
    void sniff_reportCsvWithCommentsAndNoHeader_isReportCsv() {
        assertThat(sniff("# scenario\n2023-06-03T09:00:00Z,ICAO:ae1234,24.2,119.4\n"))
                .isEqualTo(FeedFormat.REPORT_CSV);
    }

    @Test
    void sniff_beastBytesOrAvrLines_isAdsb() {
        byte[] beast = {0x1a, 0x33, 0, 0, 0, 0, 0, 0, 0x10, (byte) 0x8d, 0x4b, (byte) 0xa9};
        assertThat(FeedFormat.sniff(beast, beast.length)).isEqualTo(FeedFormat.ADSB);
        assertThat(sniff("*8D4840D6202CC371C32CE0576098;\n")).isEqualTo(FeedFormat.ADSB);
        assertThat(sniff("")).isEqualTo(FeedFormat.ADSB);
    }

    @Test
    void sniff_lengthBeyondBuffer_isRefused() {
        assertThatThrownBy(() -> FeedFormat.sniff(new byte[4], 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
