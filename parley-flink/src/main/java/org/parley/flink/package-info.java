/** The encounter watch as an Apache Flink job over Kafka. */
@NullMarked
package org.parley.flink;

import org.jspecify.annotations.NullMarked;
