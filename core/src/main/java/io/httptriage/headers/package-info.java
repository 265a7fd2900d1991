/**
 * Parsers for the response header fields triage decisions rest on: Retry-After (RFC 9110 §10.2.3)
 * and the RateLimit / RateLimit-Policy fields (draft-ietf-httpapi-ratelimit-headers), which say how
 * long to wait, and Location (RFC 9110 §10.2.2), which says where a redirect goes. Every parser
 * accepts any string and reports a problem or an empty result instead of throwing.
 */
@NullMarked
package io.httptriage.headers;

import org.jspecify.annotations.NullMarked;
