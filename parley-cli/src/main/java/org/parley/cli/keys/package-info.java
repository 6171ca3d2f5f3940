/** parley keys: party CA, node certificates and signing keys. */
@NullMarked
package org.parley.cli.keys;

import org.jspecify.annotations.NullMarked;
