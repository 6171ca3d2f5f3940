/** parley ledger: proofs and offline verification of a node's record. */
@NullMarked
package org.parley.cli.ledger;

import org.jspecify.annotations.NullMarked;
