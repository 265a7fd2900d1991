/**
 * The conformance lint: what a single response breaks among the rules the status registry records
 * for its code — required and recommended header fields, content where none may be, Content-Length
 * where it must not be, and codes that are deprecated, unused, unofficial, unknown or invalid.
 */
@NullMarked
package io.httptriage.lint;

import org.jspecify.annotations.NullMarked;
