/** Operator commands over the node's API: send, inbox, outbox, ack, alarms. */
@NullMarked
package org.parley.cli.operator;

import org.jspecify.annotations.NullMarked;
