/**
 * Where triage results go: the {@link io.httptriage.observe.TriageListener} adapters call after
 * each exchange and retry decision, and {@link io.httptriage.observe.DefaultTriageListener}, which
 * writes one SLF4J line per finding (with key-value fields; a storm guard only past 10 lines a
 * second per origin and kind) and Micrometer counters with bounded tags, tagged by client.
 */
@NullMarked
package io.httptriage.observe;

import org.jspecify.annotations.NullMarked;
