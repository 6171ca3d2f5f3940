/**
 * The listening port in front of a node's HTTPS server: connection caps per port and per source
 * address (issue 19, item 1).
 */
@NullMarked
package org.parley.federation.gate;

import org.jspecify.annotations.NullMarked;
