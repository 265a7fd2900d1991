/**
 * The vocabulary adapters speak to core in: read-only views of a request and a response, the {@link
 * io.httptriage.exchange.Hop hops} of one exchange and the {@link io.httptriage.exchange.Exchange
 * exchange} they make, and the {@link io.httptriage.exchange.Origin origin} of a URI. Nothing here
 * imports an HTTP client.
 */
@NullMarked
package io.httptriage.exchange;

import org.jspecify.annotations.NullMarked;
