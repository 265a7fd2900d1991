/**
 * The one finding type that the redirect audit and the conformance lint report, and the single
 * place where URLs are redacted before anything is logged or counted.
 */
@NullMarked
package io.httptriage.finding;

import org.jspecify.annotations.NullMarked;
