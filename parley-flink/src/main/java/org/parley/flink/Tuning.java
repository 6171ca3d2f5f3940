package org.parley.flink;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;

/**
 * The job's pipeline settings. The engine's values (tracks, reports, open encounters) hold
 * {@code Optional}s and sealed ids, which Flink hands to Kryo; registered, Kryo writes a number
 * for each class instead of its name in every record. Operators never change a record after
 * emitting it, so chained operators may pass them on without a copy.
 */
final class Tuning {
    private static final List<String> KRYO = List.of(
            "org.parley.flink.Messages$Report",
            "org.parley.flink.Messages$CubeEntry",
            "org.parley.flink.Messages$PairObservation",
            "org.parley.flink.Messages$IncidentMessage",
            "org.parley.track.Track",
            "org.parley.track.PositionReport",
            "org.parley.track.TargetId$Mmsi",
            "org.parley.track.TargetId$IcaoAddress",
            "org.parley.track.Altitude",
            "org.parley.track.AltitudeKind",
            "org.parley.track.Domain",
            "org.parley.track.Transponder",
            "org.parley.track.MotionSource",
            "org.parley.track.TrackTable",
            "org.parley.encounter.PairWatch$OpenEncounter",
            "java.util.Optional",
            "java.util.OptionalInt",
            "java.util.OptionalDouble",
            "java.time.Instant",
            "java.time.Duration");

    private Tuning() {}

    /** The settings, added to {@code config}. */
    static Configuration apply(Configuration config) {
        config.set(PipelineOptions.OBJECT_REUSE, true);
        config.set(
                PipelineOptions.SERIALIZATION_CONFIG,
                KRYO.stream().map(c -> c + ": {type: kryo}").toList());
        return config;
    }
}
