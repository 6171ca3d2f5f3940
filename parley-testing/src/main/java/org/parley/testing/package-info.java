/** Shared test support: corpus loader, controllable clock, subprocess helpers. */
@NullMarked
package org.parley.testing;

import org.jspecify.annotations.NullMarked;
