/** parley dialogue: requests for talks, answers, channel notices and the phrasebook. */
@NullMarked
package org.parley.cli.dialogue;

import org.jspecify.annotations.NullMarked;
