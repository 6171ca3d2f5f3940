/** RFC 9162 Merkle log, signed tree heads, inclusion and consistency proofs. */
@NullMarked
package org.parley.ledger;

import org.jspecify.annotations.NullMarked;
