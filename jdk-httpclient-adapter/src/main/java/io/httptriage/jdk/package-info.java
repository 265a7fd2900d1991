/**
 * The java.net.http adapter: a decorating {@code HttpClient} that translates the JDK client's
 * requests and responses into core's views and executes core's verdicts. It decides nothing
 * itself.
 *
 * <p>This module so far holds only its package; the decorating client arrives with the adapter
 * work.
 */
@NullMarked
package io.httptriage.jdk;

import org.jspecify.annotations.NullMarked;
