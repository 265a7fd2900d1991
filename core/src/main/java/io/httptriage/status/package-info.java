/**
 * The status registry: every HTTP status code this library knows, with its reason phrase, class,
 * standing, defining document, the header and content rules a response with that code must follow,
 * and a description in English and Traditional Chinese.
 *
 * <p>This package depends on nothing else of httptriage. Start at {@link
 * io.httptriage.status.StatusRegistry#lookup(int)}.
 */
@NullMarked
package io.httptriage.status;

import org.jspecify.annotations.NullMarked;
