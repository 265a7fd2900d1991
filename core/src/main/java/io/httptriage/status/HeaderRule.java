package io.httptriage.status;

import java.util.Objects;
import java.util.Optional;

/**
 * A header field that a response with a given status code must, should or may carry.
 *
 * <p>A rule with a non-empty {@link #condition()} applies only in a situation a client cannot
 * always see (for example 304's validators "that would have been sent in a 200"); conformance
 * checks skip such rules. A rule with an {@link #unlessContentType()} is also met by a response of
 * that media type (206 may carry {@code multipart/byteranges} instead of {@code Content-Range}, RFC
 * 9110 §15.3.7.2).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * HeaderRule r = StatusRegistry.lookup(401).headerRules().get(0); // MUST WWW-Authenticate
 * }</pre>
 *
 * @param field the header field name, in its canonical case
 * @param obligation how strong the rule is
 * @param condition when the rule applies; empty when always
 * @param unlessContentType a media type that satisfies the rule instead; empty when none
 * @param spec the document and section stating the rule
 */
public record HeaderRule(
    String field,
    Obligation obligation,
    String condition,
    Optional<String> unlessContentType,
    String spec) {

  /**
   * Validates the fields.
   *
   * @param field the header field name, in its canonical case
   * @param obligation how strong the rule is
   * @param condition when the rule applies; empty when always
   * @param unlessContentType a media type that satisfies the rule instead; empty when none
   * @param spec the document and section stating the rule
   */
  public HeaderRule {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(obligation, "obligation");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(unlessContentType, "unlessContentType");
    Objects.requireNonNull(spec, "spec");
  }

  /** {@return true when the rule applies to every response of its code} */
  public boolean isUnconditional() {
    return condition.isEmpty();
  }
}
