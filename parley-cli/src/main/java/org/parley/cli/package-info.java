/** The parley command line: picocli commands for operators and engineers, and the node start command. */
@NullMarked
package org.parley.cli;

import org.jspecify.annotations.NullMarked;
