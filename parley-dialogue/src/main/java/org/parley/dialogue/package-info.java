/** Dialogue requests, channel notices and the EN/ZH phrasebook. */
@NullMarked
package org.parley.dialogue;

import org.jspecify.annotations.NullMarked;
