package org.parley.track;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * What a recorded feed holds, told from its first few kilobytes, so that a replay takes AIS, report
 * CSV and ADS-B files alike without the operator naming the format.
 */
public enum FeedFormat {
    /** NMEA 0183 AIS sentences ({@code !AIVDM}, {@code !AIVDO}, with or without tag blocks). */
    AIS_NMEA,
    /** Position reports as CSV ({@code time,target,...}; see {@code org.parley.track.csv}). */
    REPORT_CSV,
    /** Anything else is offered to the ADS-B feed reader, which detects AVR, SBS or Beast itself. */
    ADSB;

    /** How many bytes of the start of a file {@link #sniff} wants to see. */
    public static final int HEAD_BYTES = 4096;

    /** A report CSV without its header line: optional comment lines, then an ISO time and a target. */
    private static final Pattern CSV_WITHOUT_HEADER =
            Pattern.compile("(?s)^(#[^\\n]*\\n)*\\d{4}-\\d\\d-\\d\\dT[^,]*,(MMSI|ICAO):.*");

    /** The format of a feed whose first {@code length} bytes are in {@code head}. */
    public static FeedFormat sniff(byte[] head, int length) {
        if (length < 0 || length > head.length) {
            throw new IllegalArgumentException("length must be 0.." + head.length + ": " + length);
        }
        String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
        if (text.contains("VDM,") || text.contains("VDO,")) {
            return AIS_NMEA;
        }
        if (text.startsWith("time,target") || CSV_WITHOUT_HEADER.matcher(text).matches()) {
            return REPORT_CSV;
        }
        return ADSB;
    }
}
