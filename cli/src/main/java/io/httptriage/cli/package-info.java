/**
 * The {@code httptriage} command line: {@code explain}, {@code table}, {@code probe} and {@code
 * demo}. Entry point {@link io.httptriage.cli.HttpTriageCli}; everything else is package-private.
 */
@NullMarked
package io.httptriage.cli;

import org.jspecify.annotations.NullMarked;
