package org.parley.track.feed;

/**
 * The ADS-B feed readers say why they refused input in words (with numbers in them); the stats
 * count by a fixed set of names instead, so that a hostile feed cannot grow the map of reasons.
 */
final class RejectReasons {
    private RejectReasons() {}

    static String of(String words) {
        if (words.startsWith("line longer than")) {
            return "OVERLONG_LINE";
        } else if (words.contains("outside Beast frames")) {
            return "BEAST_BYTES_SKIPPED";
        } else if (words.startsWith("unknown Beast frame type")) {
            return "BEAST_UNKNOWN_TYPE";
        } else if (words.startsWith("Beast frame cut short")) {
            return "BEAST_FRAME_CUT";
        } else if (words.startsWith("Beast stream ended")) {
            return "BEAST_TRUNCATED";
        } else if (words.startsWith("SBS record type")) {
            return "SBS_NOT_MSG";
        } else if (words.startsWith("SBS MSG line has a malformed field")) {
            return "SBS_BAD_FIELD";
        } else if (words.startsWith("SBS MSG line has") && words.contains("fields")) {
            return "SBS_FIELD_COUNT";
        } else if (words.startsWith("SBS transmission type")) {
            return "SBS_BAD_TYPE";
        }
        return "OTHER";
    }
}
