/**
 * Parsers for the response header fields that decide how long to wait: Retry-After (RFC 9110
 * §10.2.3) and the RateLimit / RateLimit-Policy fields (draft-ietf-httpapi-ratelimit-headers). Every
 * parser accepts any string and reports a problem instead of throwing.
 */
@NullMarked
package io.httptriage.headers;

import org.jspecify.annotations.NullMarked;
