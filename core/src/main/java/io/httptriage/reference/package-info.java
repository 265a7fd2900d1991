/**
 * The generated status-code reference: every registry entry with its description and its handling
 * policy, in English and Traditional Chinese. The checked-in {@code docs/status-codes*.md} files
 * are this package's output.
 */
@NullMarked
package io.httptriage.reference;

import org.jspecify.annotations.NullMarked;
