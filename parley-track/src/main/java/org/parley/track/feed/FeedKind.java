package org.parley.track.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a feed carries, as node.yaml names it ({@code kind: ais | beast | sbs}). */
public enum FeedKind {
    /** NMEA 0183 AIS sentences ({@code !AIVDM}/{@code !AIVDO}, tag blocks welcome): AIS-catcher, rtl-ais, gpsd. */
    AIS,
    /** Mode-S Beast binary frames with 12 MHz timestamps: dump1090 / readsb port 30005. */
    BEAST,
    /** SBS-1 BaseStation text lines ({@code MSG,3,...}): dump1090 / readsb port 30003. */
    SBS;

    /** The kind named {@code text}, in any letter case; the error lists the choices. */
    public static FeedKind parse(String text) {
        for (FeedKind k : values()) {
            if (k.name().equalsIgnoreCase(text.strip())) {
                return k;
            }
        }
        throw new IllegalArgumentException("feed kind must be one of " + choices() + ": '" + text + "'");
    }

    /** The node.yaml spelling: {@code ais}, {@code beast}, {@code sbs}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static String choices() {
        return Arrays.stream(values()).map(FeedKind::configName).collect(Collectors.joining(", "));
    }
}
