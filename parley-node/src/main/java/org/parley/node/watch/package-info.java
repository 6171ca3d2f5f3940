/** The encounter watch's voice on the hotline: unsafe encounters drafted as FLASH safety notices. */
@NullMarked
package org.parley.node.watch;

import org.jspecify.annotations.NullMarked;
