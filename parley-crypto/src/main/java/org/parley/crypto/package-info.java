/** Party identities: CA, node certificates, Ed25519 signing keys, TLS contexts. */
@NullMarked
package org.parley.crypto;

import org.jspecify.annotations.NullMarked;
