package io.httptriage.headers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The parsed RateLimit and RateLimit-Policy response fields of draft-ietf-httpapi-ratelimit-headers
 * (revision 10): the service limits the server reports ({@code RateLimit: "default";r=0;t=30}) and
 * the quota policies it advertises ({@code RateLimit-Policy: "default";q=100;w=60}). The older
 * {@code RateLimit-Remaining} / {@code RateLimit-Reset} pair of earlier revisions, and the
 * unregistered {@code X-RateLimit-Remaining} / {@code X-RateLimit-Reset} pair many APIs send, are
 * read by {@link #parseLegacy(String, String, Instant)} and {@link #parseXRateLimit}.
 *
 * <p>What it is for: when a response carries no usable Retry-After and a quota is exhausted
 * (remaining 0), {@link #exhaustedWait()} is how long to wait before asking again: the reset of the
 * exhausted limit (draft §4.1.2), or, when the server gave none, the window of the policy of the
 * same name (draft §3.1.3), after which the quota is allocated again. With several exhausted limits
 * the longest wait counts. Retry-After, when present and valid, always takes precedence (draft §7);
 * that choice is the caller's.
 *
 * <p>{@link #parse}, {@link #parseLegacy} and {@link #parseXRateLimit} never throw. "Malformed
 * RateLimit header fields MUST be ignored" (draft §7): a field that is not a valid Structured Field
 * List (RFC 9651 §4.2), or whose items break the draft's rules (a non-integer or negative {@code
 * r}, a missing {@code r}, a zero window), is dropped as a whole and a {@link Problem} says why.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RateLimit rl = RateLimit.parse(List.of("\"default\";r=0;t=30"), List.of());
 * rl.exhaustedWait();   // Optional[PT30S]
 * rl.problems();        // []
 * }</pre>
 */
public final class RateLimit {
  /** The field carrying service limits. */
  public static final String FIELD = "RateLimit";

  /** The field carrying quota policies. */
  public static final String POLICY_FIELD = "RateLimit-Policy";

  /** The remaining-quota field of draft revisions up to 06. */
  public static final String LEGACY_REMAINING_FIELD = "RateLimit-Remaining";

  /** The reset field of draft revisions up to 06 (delay-seconds). */
  public static final String LEGACY_RESET_FIELD = "RateLimit-Reset";

  /** The widespread unregistered remaining-quota field (GitHub, GitLab, Discord, Reddit, ...). */
  public static final String X_REMAINING_FIELD = "X-RateLimit-Remaining";

  /** The widespread unregistered reset field: epoch seconds or delta seconds, by magnitude. */
  public static final String X_RESET_FIELD = "X-RateLimit-Reset";

  /** Longer field values are not parsed: no honest server needs this many quota policies. */
  static final int MAX_LENGTH = 4096;

  static final RateLimit ABSENT = new RateLimit(List.of(), List.of(), List.of());

  private final List<ServiceLimit> limits;
  private final List<QuotaPolicy> policies;
  private final List<Problem> problems;

  /**
   * One service limit: the remaining quota of a policy and, if the server said, when more quota
   * becomes available.
   *
   * @param policy the policy identifier; empty for the legacy fields, which name none
   * @param remaining the remaining quota units, {@code >= 0}
   * @param reset the time until more quota is made available, if given
   */
  public record ServiceLimit(String policy, long remaining, Optional<Duration> reset) {
    /**
     * Validates the fields.
     *
     * @param policy the policy identifier; empty for the legacy fields, which name none
     * @param remaining the remaining quota units, {@code >= 0}
     * @param reset the time until more quota is made available, if given
     */
    public ServiceLimit {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(reset, "reset");
    }

    /** {@return true when no quota is left} */
    public boolean isExhausted() {
      return remaining == 0;
    }
  }

  /**
   * One advertised quota policy.
   *
   * @param name the policy identifier
   * @param quota the quota allocated, in quota units
   * @param window the time window of the quota, if given
   */
  public record QuotaPolicy(String name, long quota, Optional<Duration> window) {
    /**
     * Validates the fields.
     *
     * @param name the policy identifier
     * @param quota the quota allocated, in quota units
     * @param window the time window of the quota, if given
     */
    public QuotaPolicy {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(window, "window");
    }
  }

  /**
   * Why a field was ignored.
   *
   * @param field the field name, e.g. {@code RateLimit}
   * @param detail a one-line explanation; may quote a printable prefix of the value
   */
  public record Problem(String field, String detail) {
    /**
     * Validates the fields.
     *
     * @param field the field name, e.g. {@code RateLimit}
     * @param detail a one-line explanation; may quote a printable prefix of the value
     */
    public Problem {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(detail, "detail");
    }
  }

  RateLimit(List<ServiceLimit> limits, List<QuotaPolicy> policies, List<Problem> problems) {
    this.limits = List.copyOf(limits);
    this.policies = List.copyOf(policies);
    this.problems = List.copyOf(problems);
  }

  /** {@return no rate limit information} */
  public static RateLimit absent() {
    return ABSENT;
  }

  /**
   * Parses the structured-field form; never throws.
   *
   * @param rateLimit every line of the RateLimit field, in order; empty when absent
   * @param rateLimitPolicy every line of the RateLimit-Policy field, in order; empty when absent
   * @return what the fields say, with a problem for each part that was ignored
   */
  public static RateLimit parse(List<String> rateLimit, List<String> rateLimitPolicy) {
    if (rateLimit.isEmpty() && rateLimitPolicy.isEmpty()) {
      return ABSENT;
    }
    List<Problem> problems = new ArrayList<>(2);
    List<ServiceLimit> limits = items(FIELD, rateLimit, RateLimit::serviceLimit, problems);
    List<QuotaPolicy> policies =
        items(POLICY_FIELD, rateLimitPolicy, RateLimit::quotaPolicy, problems);
    return new RateLimit(limits, policies, problems);
  }

  /**
   * Parses the legacy pair from every field line of each: {@code RateLimit-Remaining} and {@code
   * RateLimit-Reset} are singleton fields (RFC 9110 §5.3). Identical lines count as one; lines that
   * differ make that field malformed, and it is ignored with a {@link Problem} (draft §7), the same
   * on every client. Never throws.
   *
   * @param remaining every value of {@code RateLimit-Remaining}
   * @param reset every value of {@code RateLimit-Reset}
   * @return absent when either field is absent
   */
  public static RateLimit parseLegacy(List<String> remaining, List<String> reset) {
    return LegacyPair.parse(remaining, reset);
  }

  /**
   * Parses the {@code RateLimit-Remaining} / {@code RateLimit-Reset} pair of earlier draft
   * revisions, where the reset is delta-seconds; never throws. A reset of epoch-seconds magnitude
   * (see {@link #parseLegacy(String, String, Instant)}) cannot be read without the current time and
   * makes the pair ignored with a problem, rather than read as a wait of decades. A value that is
   * not a non-negative number makes the pair ignored with a problem.
   *
   * @param remaining the RateLimit-Remaining value
   * @param reset the RateLimit-Reset value
   * @return what the pair says, or a problem when it was ignored
   */
  public static RateLimit parseLegacy(String remaining, String reset) {
    return LegacyPair.parse(LEGACY_REMAINING_FIELD, remaining, LEGACY_RESET_FIELD, reset, null);
  }

  /**
   * As {@link #parseLegacy(String, String)}, reading a reset of epoch-seconds magnitude as an
   * instant the way {@link #parseXRateLimit} does (GitLab sends {@code RateLimit-Reset:
   * 1609844400}).
   *
   * @param remaining the RateLimit-Remaining value
   * @param reset the RateLimit-Reset value, epoch or delta seconds
   * @param now the current instant, to turn an epoch reset into a wait
   * @return the parsed pair with any problems; never null
   */
  public static RateLimit parseLegacy(String remaining, String reset, Instant now) {
    Objects.requireNonNull(now, "now");
    return LegacyPair.parse(LEGACY_REMAINING_FIELD, remaining, LEGACY_RESET_FIELD, reset, now);
  }

  /**
   * Parses the unregistered {@code X-RateLimit-Remaining} / {@code X-RateLimit-Reset} pair, as
   * GitHub, Discord, Reddit and many others send it; never throws.
   *
   * <p>No specification defines these fields, and servers disagree on the reset: GitHub ({@code
   * x-ratelimit-reset: 1691591363}) sends the instant of the reset in UTC epoch seconds, Discord
   * the same with a fraction ({@code 1470173023.123}); Reddit ({@code x-ratelimit-reset: 545})
   * sends the seconds left. They are told apart by magnitude: {@code 1000000000} or more
   * (2001-09-09 as an instant, 31 years as a delay) is an instant, and an instant already past is a
   * zero wait; anything smaller is a delay. A fraction of up to 9 digits is kept; the remaining
   * count may carry one too ({@code 598.0}) and counts by its whole part. A value that is not a
   * non-negative number makes the pair ignored with a problem.
   *
   * <pre>{@code
   * RateLimit rl = RateLimit.parseXRateLimit("0", "1691591363", Instant.ofEpochSecond(1691591303));
   * rl.exhaustedWait();   // Optional[PT1M]
   * }</pre>
   *
   * @param remaining the X-RateLimit-Remaining value
   * @param reset the X-RateLimit-Reset value, epoch or delta seconds
   * @param now the current instant, to turn an epoch reset into a wait
   * @return the parsed pair with any problems; never null
   */
  public static RateLimit parseXRateLimit(String remaining, String reset, Instant now) {
    Objects.requireNonNull(now, "now");
    return LegacyPair.parse(X_REMAINING_FIELD, remaining, X_RESET_FIELD, reset, now);
  }

  /** {@return the service limits, in field order; empty when absent or ignored} */
  public List<ServiceLimit> limits() {
    return limits;
  }

  /** {@return the quota policies, in field order; empty when absent or ignored} */
  public List<QuotaPolicy> policies() {
    return policies;
  }

  /** {@return why fields were ignored; empty when every field present was valid} */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * {@return how long to wait for quota when some limit is exhausted: the longest reset among
   * exhausted limits, a missing reset standing in for the window of the policy of the same name}
   * Empty when no limit is exhausted or none of the exhausted ones says when quota returns.
   */
  public Optional<Duration> exhaustedWait() {
    Duration longest = null;
    for (ServiceLimit limit : limits) {
      if (!limit.isExhausted()) {
        continue;
      }
      Optional<Duration> wait = limit.reset().or(() -> windowOf(limit.policy()));
      if (wait.isPresent() && (longest == null || wait.get().compareTo(longest) > 0)) {
        longest = wait.get();
      }
    }
    return Optional.ofNullable(longest);
  }

  private Optional<Duration> windowOf(String policy) {
    for (QuotaPolicy p : policies) {
      if (p.name().equals(policy)) {
        return p.window();
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "RateLimit[limits=" + limits + ", policies=" + policies + ", problems=" + problems + "]";
  }

  /** One item reader: the item, or null after recording why the whole field is ignored. */
  private interface ItemReader<T> {
    @Nullable T read(StructuredList.Member member, List<Problem> problems);
  }

  /** Every item of a field, or none when one of them is malformed (draft §7). */
  private static <T> List<T> items(
      String field, List<String> lines, ItemReader<T> reader, List<Problem> problems) {
    List<T> items = new ArrayList<>(2);
    for (StructuredList.Member m : members(field, lines, problems)) {
      T item = reader.read(m, problems);
      if (item == null) {
        return List.of();
      }
      items.add(item);
    }
    return items;
  }

  private static List<StructuredList.Member> members(
      String field, List<String> lines, List<Problem> problems) {
    if (lines.isEmpty()) {
      return List.of();
    }
    String joined = String.join(", ", lines);
    if (joined.length() > MAX_LENGTH) {
      problems.add(new Problem(field, "value longer than " + MAX_LENGTH + " characters"));
      return List.of();
    }
    try {
      List<StructuredList.Member> members = StructuredList.parse(joined);
      if (members.isEmpty()) {
        problems.add(new Problem(field, "empty list"));
      }
      return members;
    } catch (StructuredList.Malformed e) {
      problems.add(
          new Problem(
              field,
              "not a structured list ("
                  + e.getMessage()
                  + "): '"
                  + FieldValues.printable(joined, 80)
                  + "'"));
      return List.of();
    }
  }

  /** A service limit item (draft §4.1), or null after recording why the field is ignored. */
  private static @Nullable ServiceLimit serviceLimit(
      StructuredList.Member m, List<Problem> problems) {
    String name = identifier(FIELD, m, problems);
    if (name == null) {
      return null;
    }
    Map<String, StructuredList.Value> params = m.parameters();
    StructuredList.Value r = params.get("r");
    if (r == null) {
      problems.add(new Problem(FIELD, "service limit '" + name + "' has no r parameter"));
      return null;
    }
    if (!isNonNegativeInteger(r)) {
      problems.add(new Problem(FIELD, "r of '" + name + "' is not a non-negative integer"));
      return null;
    }
    StructuredList.Value t = params.get("t");
    if (t != null && !isNonNegativeInteger(t)) {
      problems.add(new Problem(FIELD, "t of '" + name + "' is not a non-negative integer"));
      return null;
    }
    Optional<Duration> reset =
        t == null ? Optional.empty() : Optional.of(Duration.ofSeconds(t.integer()));
    return new ServiceLimit(name, r.integer(), reset);
  }

  /** A quota policy item (draft §3.1), or null after recording why the field is ignored. */
  private static @Nullable QuotaPolicy quotaPolicy(
      StructuredList.Member m, List<Problem> problems) {
    String name = identifier(POLICY_FIELD, m, problems);
    if (name == null) {
      return null;
    }
    StructuredList.Value q = m.parameters().get("q");
    if (q == null || !isNonNegativeInteger(q)) {
      problems.add(
          new Problem(
              POLICY_FIELD, "q of '" + name + "' is missing or not a non-negative integer"));
      return null;
    }
    StructuredList.Value w = m.parameters().get("w");
    if (w != null && (!isNonNegativeInteger(w) || w.integer() == 0)) {
      problems.add(new Problem(POLICY_FIELD, "w of '" + name + "' is not a positive integer"));
      return null;
    }
    Optional<Duration> window =
        w == null ? Optional.empty() : Optional.of(Duration.ofSeconds(w.integer()));
    return new QuotaPolicy(name, q.integer(), window);
  }

  /** The policy identifier: a String (revision 10) or a Token (later revisions). */
  private static @Nullable String identifier(
      String field, StructuredList.Member m, List<Problem> problems) {
    StructuredList.Value v = m.value();
    if (v.type() == StructuredList.Type.STRING || v.type() == StructuredList.Type.TOKEN) {
      return v.text();
    }
    problems.add(
        new Problem(field, "policy identifier is a " + v.type() + ", not a string or token"));
    return null;
  }

  private static boolean isNonNegativeInteger(StructuredList.Value v) {
    return v.type() == StructuredList.Type.INTEGER && v.integer() >= 0;
  }
}
