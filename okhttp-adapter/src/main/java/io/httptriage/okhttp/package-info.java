/**
 * The OkHttp adapter: {@link io.httptriage.okhttp.TriageInterceptor} installs httptriage into an
 * OkHttp client (5.x or 4.12). It translates OkHttp's {@code Request}/{@code Response} into core's
 * views and runs core's {@link io.httptriage.engine.Triage}; it decides nothing itself.
 */
@NullMarked
package io.httptriage.okhttp;

import org.jspecify.annotations.NullMarked;
