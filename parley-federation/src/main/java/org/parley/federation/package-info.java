/** Node-to-node transport: mutual TLS, delivery, receipts, link tests. */
@NullMarked
package org.parley.federation;

import org.jspecify.annotations.NullMarked;
