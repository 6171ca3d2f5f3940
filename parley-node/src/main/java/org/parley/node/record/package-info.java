/** The node's record: the Merkle ledger with tree-head exchange, and the dialogue ledger with channel notices. */
@NullMarked
package org.parley.node.record;

import org.jspecify.annotations.NullMarked;
