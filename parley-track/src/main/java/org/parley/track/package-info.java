/** Track table: position reports to tracks. */
@NullMarked
package org.parley.track;

import org.jspecify.annotations.NullMarked;
