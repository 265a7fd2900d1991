/**
 * The generated status-code reference: every registry entry with its description and its handling
 * policy, in English and Traditional Chinese. The checked-in {@code docs/status-codes*.md} files
 * are this package's output. {@link io.httptriage.reference.OkHttpCaching} adds what OkHttp's own
 * cache stores, code by code, next to what the RFCs allow.
 */
@NullMarked
package io.httptriage.reference;

import org.jspecify.annotations.NullMarked;
