/**
 * Where triage results go: the {@link io.httptriage.observe.TriageListener} adapters call after
 * each exchange and retry decision, and {@link io.httptriage.observe.DefaultTriageListener}, which
 * writes rate-limited SLF4J lines and Micrometer counters with bounded tags.
 */
@NullMarked
package io.httptriage.observe;

import org.jspecify.annotations.NullMarked;
