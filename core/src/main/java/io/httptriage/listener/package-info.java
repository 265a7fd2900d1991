/**
 * What the engine tells its own listeners beyond the public events, exported only to the two
 * adapters: {@link io.httptriage.listener.ExchangeDetails}, through which the default listener and
 * the CLI read a call's whole verdict and exchange. Not API: it may change in any release.
 */
@NullMarked
package io.httptriage.listener;

import org.jspecify.annotations.NullMarked;
