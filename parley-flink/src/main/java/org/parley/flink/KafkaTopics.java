package org.parley.flink;

import java.io.Serializable;

/**
 * Where the job reads and writes.
 *
 * @param linesTopic AIS NMEA (or CSV report) lines, one per record; empty when not read
 * @param beastTopic Beast frames, one per record, timestamp = receive time; empty when not read
 * @param incidentsTopic incident events (the node's JSON), keyed by incident id, written in
 *     Kafka transactions
 * @param sourceParallelism readers and decoders per topic: the topics' partition count
 * @param bounded stop at the offsets that are the latest when the job starts (replays, tests)
 */
public record KafkaTopics(
        String bootstrapServers,
        String linesTopic,
        String beastTopic,
        String incidentsTopic,
        int sourceParallelism,
        boolean bounded)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public KafkaTopics {
        if (bootstrapServers.isBlank() || incidentsTopic.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers and the incidents topic are required");
        }
        if (linesTopic.isBlank() && beastTopic.isBlank()) {
            throw new IllegalArgumentException("read at least one of the lines topic and the Beast topic");
        }
        if (sourceParallelism < 1) {
            throw new IllegalArgumentException("sourceParallelism must be >= 1: " + sourceParallelism);
        }
    }
}
