package io.httptriage.examples;

import io.httptriage.classify.Classifier;
import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.policy.StatusPolicy;
import io.httptriage.status.StatusCode;
import io.httptriage.status.StatusRegistry;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Prints how httptriage triages a handful of typical responses: the registry entry, the policy and
 * the classifier's verdict. Runs offline in well under a second.
 */
public final class Main {
  private static final URI TARGET = URI.create("https://api.example.test/orders/42");

  private Main() {}

  /** Entry point; {@code --lang zh-TW} prints the descriptions in Traditional Chinese. */
  public static void main(String[] args) {
    Locale locale = args.length == 2 && "--lang".equals(args[0])
        ? Locale.forLanguageTag(args[1]) : Locale.ENGLISH;
    print(System.out, locale);
  }

  static void print(PrintStream out, Locale locale) {
    Classifier classifier = Classifier.ofDefaults();
    List<Scenario> scenarios = List.of(
        new Scenario("GET", Headers.empty(), 200, Headers.empty()),
        new Scenario("GET", Headers.empty(), 429, Headers.of("Retry-After", "30")),
        new Scenario("POST", Headers.empty(), 503, Headers.of("Retry-After", "5")),
        new Scenario("POST", Headers.of("Idempotency-Key", "a1b2"), 503, Headers.empty()),
        new Scenario("GET", Headers.empty(), 500, Headers.empty()),
        new Scenario("POST", Headers.empty(), 302, Headers.of("Location", "/orders")),
        new Scenario("POST", Headers.empty(), 307, Headers.of("Location", "https://eu.api.example.test/orders")),
        new Scenario("GET", Headers.empty(), 305, Headers.of("Location", "http://proxy.example.test/")),
        new Scenario("GET", Headers.empty(), 451, Headers.empty()),
        new Scenario("GET", Headers.empty(), 522, Headers.empty()),
        new Scenario("GET", Headers.empty(), 299, Headers.empty()),
        new Scenario("GET", Headers.empty(), 999, Headers.empty()));
    out.println("httptriage — how a few responses are triaged (request target " + TARGET + ")");
    out.println();
    for (Scenario s : scenarios) {
      RequestView request = RequestView.of(s.method, TARGET, s.requestHeaders,
          "POST".equals(s.method), true);
      Verdict v = classifier.classify(request, ResponseView.of(s.status, s.responseHeaders));
      StatusCode sc = StatusRegistry.lookup(s.status);
      StatusPolicy p = v.policy();
      out.printf("%-8s -> %-40s %s%n", s.method + (s.requestHeaders.isEmpty() ? "" : "+key"),
          sc + " [" + sc.standing().name().toLowerCase(Locale.ROOT) + "]", verdictLine(v));
      out.printf("         policy: retry=%s redirect=%s method=%s cache=%s%n",
          p.retryability(), p.redirect(), p.method(), p.cacheability());
      for (Reason r : v.reasons()) {
        out.printf("         why: %s (%s)%n", r.detail(), r.spec());
      }
      out.printf("         %s%n%n", sc.description(locale));
    }
  }

  private static String verdictLine(Verdict v) {
    StringBuilder sb = new StringBuilder(v.kind().name());
    v.retryAfter().ifPresent(d -> sb.append(" after ").append(d.toSeconds()).append("s"));
    v.followMethod().ifPresent(m -> sb.append(" as ").append(m).append(' ').append(v.location().orElseThrow())
        .append(v.keepsBody() ? " (body kept)" : ""));
    return sb.toString();
  }

  private record Scenario(String method, Headers requestHeaders, int status, Headers responseHeaders) {}
}
