/** The operator API over HTTPS: routes, authentication by token and role, RFC 9457 problems, OpenAPI document. */
@NullMarked
package org.parley.node.api;

import org.jspecify.annotations.NullMarked;
