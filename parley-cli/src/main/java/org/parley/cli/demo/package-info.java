/** parley demo: two nodes on one machine replaying an unsafe intercept. */
@NullMarked
package org.parley.cli.demo;

import org.jspecify.annotations.NullMarked;
