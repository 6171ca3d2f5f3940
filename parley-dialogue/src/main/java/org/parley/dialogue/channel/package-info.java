/**
 * Channel notices: a party suspends or resumes categories of exchange; the policy enforces them for
 * DIALOGUE and ROUTINE and never for SAFETY or LINKTEST (docs/decisions.md, decision 5). Entry type: {@link
 * ChannelPolicy}.
 */
@NullMarked
package org.parley.dialogue.channel;

import org.jspecify.annotations.NullMarked;
