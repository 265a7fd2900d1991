package io.httptriage.status;

/**
 * Where a status code stands: registered and current, registered but on its way out, used by a
 * vendor without registration, or not known at all.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * if (StatusRegistry.lookup(305).standing() == Standing.DEPRECATED) { ... }
 * }</pre>
 */
public enum Standing {
  /** Registered with IANA and in force. */
  STANDARD,
  /** Registered provisionally by IANA, with an expiry date (104, RFC 9110 §16.2.1). */
  TEMPORARY,
  /** Registered, but its defining document says not to use it (102, 305). */
  DEPRECATED,
  /** Reserved by IANA and not to be sent (306, 418). */
  UNUSED,
  /** Registered, but its document has been moved to Historic (510). */
  OBSOLETED,
  /** Not in the IANA registry, but used by a named vendor or framework. */
  UNOFFICIAL,
  /** In 100..599 but not known here: handled as the x00 code of its class (RFC 9110 §15). */
  UNKNOWN,
  /** Outside 100..599: handled as a 5xx (RFC 9110 §15). */
  INVALID;

  /** {@return true for the standings of codes in the IANA registry} */
  public boolean isRegistered() {
    return this == STANDARD
        || this == TEMPORARY
        || this == DEPRECATED
        || this == UNUSED
        || this == OBSOLETED;
  }
}
