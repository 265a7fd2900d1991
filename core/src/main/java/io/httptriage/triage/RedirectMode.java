package io.httptriage.triage;

/**
 * Who follows redirects.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * TriageConfig.builder().redirectMode(RedirectMode.POLICY).build();
 * }</pre>
 */
public enum RedirectMode {
  /**
   * The client follows redirects as it always does (or not, as configured); httptriage audits the
   * chain it reports and logs what was misinterpreted. Nothing about the client's behaviour
   * changes.
   */
  CLIENT,
  /**
   * httptriage follows redirects by the policy table and the redirect settings of {@link
   * TriageConfig.Builder#maxHops(int)} and its neighbours: 307/308 keep method and body, 303
   * becomes GET, a POST on 301/302 becomes GET, https→http is refused, credentials are dropped on a
   * cross-origin hop, loops and long chains are stopped. The adapter turns the client's own
   * following off.
   */
  POLICY
}
