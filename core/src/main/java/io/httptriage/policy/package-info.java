/**
 * The handling policy of every status code — retryable, redirect-safe, method-preserving, cacheable
 * — decided from the RFCs, and the table users derive their own policy from.
 *
 * <p>Start at {@link io.httptriage.policy.PolicyTable#ofDefaults()}.
 */
@NullMarked
package io.httptriage.policy;

import org.jspecify.annotations.NullMarked;
