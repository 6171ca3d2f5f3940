/** parley encounters replay: the encounter engine over recorded feeds, offline. */
@NullMarked
package org.parley.cli.encounters;

import org.jspecify.annotations.NullMarked;
