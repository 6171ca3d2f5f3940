/** The message service: send, receive, acknowledge and list hotline messages, with the acknowledgment watch. */
@NullMarked
package org.parley.node.messages;

import org.jspecify.annotations.NullMarked;
