/** Durable JDBC store: SQLite by default, PostgreSQL in production. */
@NullMarked
package org.parley.store;

import org.jspecify.annotations.NullMarked;
