/**
 * The OkHttp adapter: translates OkHttp's {@code Request}/{@code Response} into core's views and
 * executes core's verdicts inside an {@code Interceptor}. It decides nothing itself.
 *
 * <p>This module so far holds only its package; the interceptor arrives with the adapter work.
 */
@NullMarked
package io.httptriage.okhttp;

import org.jspecify.annotations.NullMarked;
