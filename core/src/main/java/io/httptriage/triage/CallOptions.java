package io.httptriage.triage;

import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * How one call differs from its client's {@link TriageConfig}: fewer or more attempts, another
 * deadline, or policy rules of its own. What it does not name stays the client's. Pass it with the
 * request: on OkHttp as a typed tag, {@code request.newBuilder().tag(CallOptions.class, options)};
 * on the JDK client with {@code TriageHttpClient.withOptions(request, options)}.
 *
 * <p>The engine resolves a call's settings once, when the call starts: the attempts and the
 * deadline replace the client's {@link io.httptriage.retry.RetrySettings#maxAttempts()} and {@link
 * io.httptriage.retry.RetrySettings#deadline()} for this call only, and the call's rules are tried
 * before the client's policy table (first match wins), so they replace the client's decisions for
 * the responses they match and leave the rest to it. The policy table still decides alone what is
 * retried and followed; the gates (replayable body, attempts, wait cap, deadline, budget) still
 * apply, and the retry budget is the client's, shared with its other calls.
 *
 * <p><b>Security is not an option.</b> Nothing here touches the redirect settings ({@link
 * TriageConfig#allowHttpsDowngrade()}, {@link TriageConfig#credentialHeaders()}): the refusal of an
 * https→http redirect and the stripping of credentials on a cross-origin hop stay as the client's
 * configuration set them, whatever a call's rules say about following.
 *
 * <p>Immutable and thread-safe; every {@code with...} method returns new options and fails at once
 * with an {@link IllegalArgumentException} naming the parameter and the value. Options with rules
 * keep the policy table they build for the last client that used them: build them once and reuse
 * them, as a new instance per call builds its table again.
 *
 * <pre>{@code
 * CallOptions once = CallOptions.none().withMaxAttempts(2).withDeadline(Duration.ofSeconds(1));
 * Request request = new Request.Builder().url(url).tag(CallOptions.class, once).build();
 * CallOptions payment = CallOptions.none().noRetry();
 * }</pre>
 */
public final class CallOptions {
  private static final CallOptions NONE = new CallOptions(0, null, List.of());

  /** The attempts of this call; 0 for the client's. */
  private final int maxAttempts;

  private final @Nullable Duration deadline;
  private final List<PolicyRule> rules;

  /** The policy table last built from {@link #rules} on top of a client's; null before. */
  private CallOptions(int maxAttempts, @Nullable Duration deadline, List<PolicyRule> rules) {
    this.maxAttempts = maxAttempts;
    this.deadline = deadline;
    this.rules = rules;
  }

  /** {@return options that change nothing: the call runs with its client's settings} */
  public static CallOptions none() {
    return NONE;
  }

  /** {@return the same as {@link #none()}: the client's settings} */
  public static CallOptions ofDefaults() {
    return NONE;
  }

  /**
   * {@return these options, with no retry for this call: one attempt per hop} Redirects are still
   * followed as the client follows them. A GET or HEAD whose connection closed before any response
   * byte is still resent once at once, on every client, because the JDK client makes that resend
   * whatever its settings (RFC 9110 §9.2.2 allows it for an idempotent request).
   *
   * @throws IllegalArgumentException when a rule of these options retries (the two contradict)
   */
  public CallOptions noRetry() {
    return withMaxAttempts(1);
  }

  /**
   * {@return these options, with this number of attempts per hop in all, the first included}
   *
   * @param value 1..100, as {@link io.httptriage.retry.RetrySettings.Builder#maxAttempts(int)}
   * @throws IllegalArgumentException when outside 1..100, or 1 while a rule of these options
   *     retries
   */
  public CallOptions withMaxAttempts(int value) {
    if (value < 1 || value > 100) {
      throw new IllegalArgumentException("maxAttempts: must be in 1..100, was " + value);
    }
    return new CallOptions(value, deadline, checked(value, rules));
  }

  /**
   * {@return these options, with this deadline: the time from the start of the call after which no
   * wait is scheduled and no retry started}
   *
   * @param value 1 ms to 1 day, as {@link io.httptriage.retry.RetrySettings.Builder#deadline}
   * @throws IllegalArgumentException when null or outside 1 ms..1 day
   */
  public CallOptions withDeadline(Duration value) {
    if (value == null
        || value.compareTo(Duration.ofMillis(1)) < 0
        || value.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("deadline: must be in PT0.001S..PT24H, was " + value);
    }
    return new CallOptions(maxAttempts, value, rules);
  }

  /**
   * {@return these options, with one more policy rule for this call, after the ones already added
   * and before all of the client's} First match wins: the call's rules replace the client's
   * decisions for the responses they match, e.g. {@code
   * withRule(PolicyRule.forCode(500).withRetryability(Retryability.IDEMPOTENT))} retries a 500 for
   * this call only.
   *
   * @param rule the rule
   * @throws IllegalArgumentException for a rule {@link PolicyTable.Builder#rule} refuses (null,
   *     changing nothing, shadowed by an earlier rule of these options...), or one that retries
   *     while these options allow a single attempt
   */
  public CallOptions withRule(PolicyRule rule) {
    PolicyTable.Builder check = PolicyTable.builder();
    rules.forEach(check::rule);
    check.rule(rule);
    List<PolicyRule> more = new ArrayList<>(rules.size() + 1);
    more.addAll(rules);
    more.add(rule);
    return new CallOptions(maxAttempts, deadline, checked(maxAttempts, List.copyOf(more)));
  }

  /** {@return the attempts per hop of the call, when these options change them} */
  public OptionalInt maxAttempts() {
    return maxAttempts == 0 ? OptionalInt.empty() : OptionalInt.of(maxAttempts);
  }

  /** {@return the deadline of the call, when these options change it} */
  public Optional<Duration> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** {@return the call's own policy rules, in match order; empty when the client's apply} */
  public List<PolicyRule> rules() {
    return rules;
  }

  /**
   * {@return the attempts of this call given its client's: the option's when set, else {@code
   * clientMaxAttempts}} Allocates nothing, for the engine's per-call path.
   *
   * @param clientMaxAttempts the client's {@code RetrySettings.maxAttempts()}
   */
  public int maxAttemptsOr(int clientMaxAttempts) {
    return maxAttempts == 0 ? clientMaxAttempts : maxAttempts;
  }

  /**
   * {@return the deadline of this call given its client's: the option's when set, else {@code
   * clientDeadline}} Allocates nothing, for the engine's per-call path.
   *
   * @param clientDeadline the client's {@code RetrySettings.deadline()}
   */
  public Duration deadlineOr(Duration clientDeadline) {
    return deadline == null ? clientDeadline : deadline;
  }

  private static List<PolicyRule> checked(int maxAttempts, List<PolicyRule> rules) {
    if (maxAttempts == 1) {
      for (PolicyRule rule : rules) {
        if (rule.retries()) {
          throw new IllegalArgumentException(
              "maxAttempts: 1 allows no retry, so the call's rule "
                  + rule
                  + " would never retry; drop one of them");
        }
      }
    }
    return rules;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CallOptions c
        && maxAttempts == c.maxAttempts
        && Objects.equals(deadline, c.deadline)
        && rules.equals(c.rules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, deadline, rules);
  }

  /** {@code "CallOptions[maxAttempts=2, deadline=PT1S, rules=[500: retryability=IDEMPOTENT]]"}. */
  @Override
  public String toString() {
    return "CallOptions["
        + (maxAttempts == 0 ? "" : "maxAttempts=" + maxAttempts + ", ")
        + (deadline == null ? "" : "deadline=" + deadline + ", ")
        + "rules="
        + rules
        + "]";
  }
}
