/** Encounter geometry, spatial index, safety rules, attribution and incidents. */
@NullMarked
package org.parley.encounter;

import org.jspecify.annotations.NullMarked;
