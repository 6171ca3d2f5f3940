package org.parley.store;

import java.time.Instant;

/** One line of the audit log; {@code seq} increases with every event. */
public record AuditEvent(long seq, Instant at, String actor, String action, String subject, String detail) {}
