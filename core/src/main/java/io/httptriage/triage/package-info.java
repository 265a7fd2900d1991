/**
 * The configuration a user gives both adapters: one immutable {@link
 * io.httptriage.triage.TriageConfig} and the {@link io.httptriage.triage.RedirectMode} that says
 * who follows redirects. The runtime that carries a call through retries and redirects is not API:
 * it lives in {@code io.httptriage.engine}, exported only to the adapters.
 */
@NullMarked
package io.httptriage.triage;

import org.jspecify.annotations.NullMarked;
