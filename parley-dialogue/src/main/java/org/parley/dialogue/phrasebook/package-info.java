/**
 * The bilingual (English / Simplified Chinese) safety phrasebook: structured phrases with typed
 * parameters, rendered in the reader's language and unit conventions. Entry type: {@link
 * Phrasebook}.
 */
@NullMarked
package org.parley.dialogue.phrasebook;

import org.jspecify.annotations.NullMarked;
