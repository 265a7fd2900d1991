package io.httptriage.status;

/**
 * The strength of a protocol rule, as the requirement keywords of RFC 2119 / RFC 8174 state it.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * boolean hard = rule.obligation() == Obligation.MUST;
 * }</pre>
 */
public enum Obligation {
  /** An absolute requirement: a response without it breaks the protocol. */
  MUST,
  /** A strong recommendation: a response without it is legal but suspicious. */
  SHOULD,
  /** Optional: informative only. */
  MAY
}
