/**
 * Redirects seen whole: {@link io.httptriage.redirect.RedirectAudit} reports what went wrong in the
 * chain of one exchange, and {@link io.httptriage.redirect.RedirectFollower} decides, for adapters
 * that follow by core's policy, whether and how to send the next request.
 */
@NullMarked
package io.httptriage.redirect;

import org.jspecify.annotations.NullMarked;
