package org.parley.track;

/** Why the track table refused a report. */
public enum RejectReason {
    /** Older than the track's latest accepted report. */
    OUT_OF_ORDER,
    /** Same instant and same place as the latest accepted report (several receivers heard it). */
    DUPLICATE,
    /** The implied speed from the last position exceeds what such a target can do. */
    IMPLAUSIBLE_JUMP
}
