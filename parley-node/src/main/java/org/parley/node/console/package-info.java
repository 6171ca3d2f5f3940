/**
 * The duty officer's console in the browser (issue 18), served on the operator port beside the API:
 * sign-in (token or one-time code) to a session cookie, server-rendered pages from precompiled jte
 * templates, htmx for partial updates, and the node's event stream for live ones. Every read and
 * every action is an in-process call of the operator API, with its role checks.
 */
@NullMarked
package org.parley.node.console;

import org.jspecify.annotations.NullMarked;
