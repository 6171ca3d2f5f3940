/** What the node tells its people: the timeline, operator alarms and the counters served at /metrics. */
@NullMarked
package org.parley.node.events;

import org.jspecify.annotations.NullMarked;
