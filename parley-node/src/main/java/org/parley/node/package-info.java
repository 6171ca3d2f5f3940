/** A party's hotline node at run time: {@link org.parley.node.HotlineNode} assembles the store, the services and the servers from a {@link org.parley.node.NodeConfig}. */
@NullMarked
package org.parley.node;

import org.jspecify.annotations.NullMarked;
