/**
 * Incident events over Kafka: the Flink job writes the node's incident JSON ({@link
 * org.parley.encounter.EncounterEvent#jsonMembers}) to a topic in transactions, and a node whose
 * watch has a feed of kind {@code kafka} reads them back with {@link
 * org.parley.kafka.IncidentConsumer} (read_committed, offsets committed by the caller after it has
 * stored what it was given).
 */
@NullMarked
package org.parley.kafka;

import org.jspecify.annotations.NullMarked;
