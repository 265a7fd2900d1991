/**
 * Runnable examples, one scenario each, every one offline against a local mockwebserver3: {@link
 * io.httptriage.examples.OkHttpQuickstart}, {@link io.httptriage.examples.JdkQuickstart}, {@link
 * io.httptriage.examples.RetryExample}, {@link io.httptriage.examples.CustomPolicyExample}, {@link
 * io.httptriage.examples.RedirectAuditExample} and {@link io.httptriage.examples.MetricsExample}.
 * {@code ExamplesTest} runs them all.
 */
@NullMarked
package io.httptriage.examples;

import org.jspecify.annotations.NullMarked;
