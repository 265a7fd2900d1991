/**
 * The classifier: from a request and its response to a verdict — accept, retry, follow or fail —
 * with the reasons, all taken from the policy table.
 */
@NullMarked
package io.httptriage.classify;

import org.jspecify.annotations.NullMarked;
