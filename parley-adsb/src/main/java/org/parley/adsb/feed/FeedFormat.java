package org.parley.adsb.feed;

/** The wire formats receivers such as dump1090 and readsb serve. */
public enum FeedFormat {
    /** AVR raw text, {@code *HEX;} or with a 12 MHz timestamp {@code @TTTTTTTTTTTTHEX;} (port 30002). */
    AVR,
    /** Beast binary: 0x1a-escaped frames with a 12 MHz timestamp and signal level (port 30005). */
    BEAST,
    /** SBS-1 / BaseStation text lines {@code MSG,3,...} (port 30003). */
    SBS
}
