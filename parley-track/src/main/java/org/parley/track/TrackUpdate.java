package org.parley.track;

/** What the track table did with one report. */
public sealed interface TrackUpdate {

    /** The report was accepted; {@code track} is the new state. */
    record Accepted(Track track, boolean newTrack) implements TrackUpdate {}

    /** The report was refused and counted; the track keeps its previous state. */
    record Rejected(TargetId target, RejectReason reason, String detail) implements TrackUpdate {}
}
