package org.parley.store;

import org.parley.wire.SignedEnvelope;

/**
 * The result of {@link Store#receive}: the inbox row, our signed receipt for it, and whether the
 * envelope had been received before (then both are the originals).
 */
public record Received(InboxEntry entry, SignedEnvelope receipt, boolean duplicate) {}
