/**
 * Where the pieces meet: one immutable {@link io.httptriage.triage.TriageConfig} shared by both
 * adapters, and the {@link io.httptriage.triage.Triage} runtime that takes an exchange through
 * retries, policy-driven redirects, the audit, the lint and the listener. Adapters only translate
 * their client's types through {@link io.httptriage.triage.ClientCall}.
 */
@NullMarked
package io.httptriage.triage;

import org.jspecify.annotations.NullMarked;
