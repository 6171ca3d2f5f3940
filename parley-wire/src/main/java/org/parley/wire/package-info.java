/** Message model and canonical bytes (RFC 8785); no I/O. */
@NullMarked
package org.parley.wire;

import org.jspecify.annotations.NullMarked;
