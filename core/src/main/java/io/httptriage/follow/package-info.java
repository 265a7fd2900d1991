/**
 * Redirects seen whole, exported only to the two adapters: {@link
 * io.httptriage.follow.RedirectAudit} reports what went wrong in the chain of one exchange, and
 * {@link io.httptriage.follow.RedirectFollower} decides, when httptriage follows by its policy,
 * whether and how to send the next request. Not API: it may change in any release.
 */
@NullMarked
package io.httptriage.follow;

import org.jspecify.annotations.NullMarked;
