package org.parley.flink;

import java.util.Arrays;
import org.parley.track.PositionReport;
import org.parley.track.TargetId;
import org.parley.track.Track;

/**
 * The records between the job's stages. Each carries {@code seq}, its place in the input (source,
 * partition, offset): within one event-time millisecond a stage handles its records in that order,
 * which is the order the engine would have read them in.
 */
final class Messages {
    /** Sweep observations come after every report of their millisecond, as a sweep follows the reports it has seen. */
    static final long SWEEP_SEQ = Long.MAX_VALUE;

    private Messages() {}

    /** Something with a place in the input. */
    interface Sequenced {
        long seq();
    }

    /** A decoded position report. */
    record Report(long seq, PositionReport report) implements Sequenced {}

    /**
     * A track entering (or moving within) a cube, with every cube its path covers now; or leaving
     * the cube ({@code leave}). The cube array is Flink's cheapest form for it (a primitive array)
     * and is never changed after the track stage makes it; equals compares its content.
     */
    @SuppressWarnings("ArrayRecordComponent")
    record CubeEntry(long cube, long seq, long target, boolean leave, Track track, long[] cubes) implements Sequenced {
        @Override
        public boolean equals(Object o) {
            return o instanceof CubeEntry e
                    && cube == e.cube
                    && seq == e.seq
                    && target == e.target
                    && leave == e.leave
                    && track.equals(e.track)
                    && Arrays.equals(cubes, e.cubes);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cube) * 31 + Long.hashCode(seq);
        }

        @Override
        public String toString() {
            return "CubeEntry[" + cube + ", " + seq + ", " + track.id() + (leave ? ", leave]" : "]");
        }
    }

    /** Two tracks to be judged together at the record's event time. */
    record PairObservation(String pair, long seq, Track a, Track b) implements Sequenced {}

    /** One incident event as the node's JSON, with its incident id (the Kafka key). */
    record IncidentMessage(String incidentId, String json) {}

    /** A target's key: ICAO addresses below 2^24, MMSIs above 2^32 (distinct for every target). */
    static long targetKey(TargetId id) {
        return switch (id) {
            case TargetId.IcaoAddress icao -> icao.value();
            case TargetId.Mmsi mmsi -> (1L << 32) + mmsi.value();
        };
    }

    /** A pair's key, the lower target key first. */
    static String pairKey(TargetId a, TargetId b) {
        long x = targetKey(a);
        long y = targetKey(b);
        return x < y ? x + "-" + y : y + "-" + x;
    }

    /** True when {@code cube} is the lowest cube key both sorted arrays hold (the one cube that offers the pair). */
    static boolean lowestShared(long[] a, long[] b, long cube) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                return a[i] == cube;
            }
        }
        return false;
    }
}
