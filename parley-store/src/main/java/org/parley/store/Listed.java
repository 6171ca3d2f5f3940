package org.parley.store;

import java.util.Optional;

/**
 * One row of a listing page: an inbox or outbox entry and, read in the same query, the person's
 * acknowledgment of it if there is one.
 */
public record Listed<E>(E entry, Optional<StoredAck> ack) {}
