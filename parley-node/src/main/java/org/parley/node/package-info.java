/** Composition root: configuration, REST API, console, CLI and demo. */
@NullMarked
package org.parley.node;

import org.jspecify.annotations.NullMarked;
