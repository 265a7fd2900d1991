/**
 * The vocabulary adapters speak to core in: read-only views of a request and a response, and (in
 * later work) the whole exchange of hops. Nothing here imports an HTTP client.
 */
@NullMarked
package io.httptriage.exchange;

import org.jspecify.annotations.NullMarked;
