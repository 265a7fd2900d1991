/**
 * Where triage results go: the {@link io.httptriage.observe.TriageListener} and its typed {@link
 * io.httptriage.observe.TriageEvent}s, and the context and default convention of httptriage's
 * Micrometer observations. Each client also gets a default listener, which writes one SLF4J line
 * per finding (with key-value fields; a storm guard only past 10 lines a second per origin and
 * kind) and Micrometer meters with bounded tags, tagged by client; {@code TriageConfig} sets it up.
 */
@NullMarked
package io.httptriage.observe;

import org.jspecify.annotations.NullMarked;
