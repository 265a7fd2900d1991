package io.httptriage.spring;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.classify.StatusPolicy;
import io.httptriage.finding.Finding;
import io.httptriage.policy.PolicyTable;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/httptriage}: the effective policy table, the retry settings, each client's retry
 * budget and the recent findings, redacted and bounded. Available like any Actuator endpoint once
 * exposed ({@code management.endpoints.web.exposure.include=httptriage}); {@code
 * management.endpoint.httptriage.access=none} turns it off.
 *
 * <p>The policy covers the codes 100 to 599, consecutive codes with the same policy in one range;
 * {@code defaults} names each decision an override changed, with its default. The budgets are those
 * of the clients the starter built that are still in use. Nothing here carries a header value, and
 * every URL is redacted as the findings are ({@link Finding#redactUrl(String)}).
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * // GET /actuator/httptriage
 * {"redirectMode":"CLIENT","overrides":[],"policy":[{"from":100,"to":101,...}],
 *  "retry":{"maxAttempts":4,...},"budget":{"ratio":0.5,...,"clients":[{"client":"jdk",...}]},
 *  "findings":{"capacity":50,"reported":1,"recent":[{"kind":"METHOD_REWRITTEN",...}]}}
 * }</pre>
 */
@Endpoint(id = "httptriage")
public final class HttpTriageEndpoint {
  private static final int FIRST = 100;
  private static final int LAST = 599;

  private final TriageConfig config;
  private final RecentFindings findings;
  private final TriageRuntimes runtimes;

  HttpTriageEndpoint(TriageConfig config, RecentFindings findings, TriageRuntimes runtimes) {
    this.config = config;
    this.findings = findings;
    this.runtimes = runtimes;
  }

  /**
   * Reads the state now.
   *
   * @return the policy, settings, budgets and findings
   */
  @ReadOperation
  public HttpTriageDescriptor httptriage() {
    RetrySettings retry = config.retry();
    List<ClientBudget> clients = new ArrayList<>();
    for (TriageRuntimes.Runtime runtime : runtimes.alive()) {
      clients.add(
          new ClientBudget(
              runtime.client(),
              runtime.triage().budgetRemaining(),
              runtime.triage().budgetRefusals()));
    }
    List<FindingDescriptor> recent = new ArrayList<>();
    for (RecentFindings.Entry e : findings.recent()) {
      Finding f = e.finding();
      recent.add(
          new FindingDescriptor(
              e.time().toString(),
              e.client(),
              e.method(),
              e.target().orElse(null),
              e.finalStatus(),
              f.kind().name(),
              f.severity().name(),
              f.hopIndex(),
              f.from().orElse(null),
              f.to().orElse(null),
              f.explanation(),
              f.spec()));
    }
    return new HttpTriageDescriptor(
        config.redirectMode().name(),
        config.policyTable().rules().stream().map(Object::toString).toList(),
        policy(config.policyTable()),
        new RetryDescriptor(
            retry.maxAttempts(),
            retry.maxRetryAfter().toString(),
            retry.deadline().toString(),
            retry.backoffBase().toString(),
            retry.backoffMax().toString()),
        new BudgetDescriptor(
            retry.budgetRatio(),
            retry.budgetMinRetriesPerSecond(),
            retry.budgetWindow().toString(),
            clients),
        new FindingsDescriptor(findings.capacity(), findings.reported(), recent));
  }

  private static List<CodesDescriptor> policy(PolicyTable table) {
    List<CodesDescriptor> out = new ArrayList<>();
    CodesDescriptor open = null;
    for (int code = FIRST; code <= LAST; code++) {
      CodesDescriptor one = codes(table, code);
      if (open != null && open.samePolicy(one)) {
        open = open.through(code);
      } else {
        if (open != null) {
          out.add(open);
        }
        open = one;
      }
    }
    out.add(open);
    return out;
  }

  private static CodesDescriptor codes(PolicyTable table, int code) {
    StatusPolicy p = PolicyLookup.policyFor(table, code);
    StatusPolicy d = PolicyLookup.defaultPolicyFor(code);
    Map<String, String> defaults = new LinkedHashMap<>();
    differs(defaults, "retryability", p.retryability(), d.retryability());
    differs(defaults, "redirect", p.redirect(), d.redirect());
    differs(defaults, "method", p.method(), d.method());
    differs(defaults, "cacheability", p.cacheability(), d.cacheability());
    return new CodesDescriptor(
        code,
        code,
        p.retryability().name(),
        p.redirect().name(),
        p.method().name(),
        p.cacheability().name(),
        PolicyLookup.dependsOnMethod(table, code),
        defaults);
  }

  private static void differs(Map<String, String> into, String name, Enum<?> now, Enum<?> before) {
    if (now != before) {
      into.put(name, before.name());
    }
  }

  /**
   * What {@code /actuator/httptriage} shows.
   *
   * @param redirectMode who follows redirects: {@code CLIENT} or {@code POLICY}
   * @param overrides the policy table's override rules, in match order
   * @param policy the effective policy of the codes 100 to 599, in ranges of equal policy
   * @param retry the retry settings
   * @param budget the retry budget's settings and each client's state
   * @param findings the recent findings, newest first
   */
  public record HttpTriageDescriptor(
      String redirectMode,
      List<String> overrides,
      List<CodesDescriptor> policy,
      RetryDescriptor retry,
      BudgetDescriptor budget,
      FindingsDescriptor findings) {}

  /**
   * The policy of the codes {@code from} to {@code to}, for requests of any method no
   * method-specific override names.
   *
   * @param from the first code
   * @param to the last code
   * @param retryability whether the request may be sent again ({@code Retryability})
   * @param redirect whether the response may be followed ({@code RedirectRule})
   * @param method what following does to the method and body ({@code MethodRule})
   * @param cacheability whether it may be stored without explicit freshness ({@code Cacheability})
   * @param dependsOnMethod true when a method-specific override covers these codes
   * @param defaults each decision an override changed, with its default; empty when none
   */
  public record CodesDescriptor(
      int from,
      int to,
      String retryability,
      String redirect,
      String method,
      String cacheability,
      boolean dependsOnMethod,
      Map<String, String> defaults) {

    boolean samePolicy(CodesDescriptor o) {
      return retryability.equals(o.retryability)
          && redirect.equals(o.redirect)
          && method.equals(o.method)
          && cacheability.equals(o.cacheability)
          && dependsOnMethod == o.dependsOnMethod
          && defaults.equals(o.defaults);
    }

    CodesDescriptor through(int code) {
      return new CodesDescriptor(
          from, code, retryability, redirect, method, cacheability, dependsOnMethod, defaults);
    }
  }

  /**
   * The retry settings ({@code RetrySettings}); durations in ISO-8601.
   *
   * @param maxAttempts attempts in all per hop, the first included
   * @param maxRetryAfter the longest wait honoured
   * @param deadline no wait ends past this time from the call's start
   * @param backoffBase the first backoff ceiling
   * @param backoffMax the largest backoff ceiling
   */
  public record RetryDescriptor(
      int maxAttempts,
      String maxRetryAfter,
      String deadline,
      String backoffBase,
      String backoffMax) {}

  /**
   * The retry budget: its settings, and the state of each client's.
   *
   * @param ratio retries allowed per healthy first answer over the window
   * @param minRetriesPerSecond the floor that lets a quiet client retry
   * @param window the window the budget counts over, ISO-8601
   * @param clients each client's budget, the oldest client first
   */
  public record BudgetDescriptor(
      double ratio, int minRetriesPerSecond, String window, List<ClientBudget> clients) {}

  /**
   * One client's retry budget now.
   *
   * @param client the client's name
   * @param remaining the retries the budget allows now
   * @param refused the retries it refused since the client was built
   */
  public record ClientBudget(String client, long remaining, long refused) {}

  /**
   * The findings kept.
   *
   * @param capacity how many are kept at most
   * @param reported how many were reported since the start
   * @param recent the findings kept, newest first
   */
  public record FindingsDescriptor(int capacity, long reported, List<FindingDescriptor> recent) {}

  /**
   * One finding, its URLs redacted.
   *
   * @param time when it was reported, ISO-8601
   * @param client the client's name
   * @param method the method of the caller's request
   * @param target the redacted URL of the caller's request; null when it could not be read
   * @param finalStatus the status of the response the caller received
   * @param kind what was found ({@code Finding.Kind})
   * @param severity how bad it is ({@code Finding.Severity})
   * @param hop the hop it is about, 0 for the caller's request
   * @param from the redacted URL of the request concerned; null when unknown
   * @param to the redacted URL the redirect pointed to; null when none
   * @param explanation one line for a reader
   * @param spec the rule it rests on
   */
  public record FindingDescriptor(
      String time,
      String client,
      String method,
      @Nullable String target,
      int finalStatus,
      String kind,
      String severity,
      int hop,
      @Nullable String from,
      @Nullable String to,
      String explanation,
      String spec) {}
}
