package io.httptriage.follow;

import io.httptriage.classify.Classifier;
import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.Origin;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.finding.Finding;
import io.httptriage.headers.FieldValues;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Policy-driven redirect following: for the response to the current request, decides whether to
 * follow and, if so, exactly what the next request is. Adapters that turn their client's own
 * following off execute the plan and nothing more.
 *
 * <p>The checks, in order; the first that fails stops:
 *
 * <ol>
 *   <li>The {@link Classifier} must give {@link Verdict.Kind#FOLLOW}: the policy table decides
 *       which codes are followed and how the method changes (303 → GET, POST → GET on 301/302,
 *       307/308 keep method and body), and the Location must resolve to an http(s) URI (RFC 9110
 *       §10.2.2). 305 is never followed (RFC 9110 §15.4.6).
 *   <li>No more than {@link RedirectSettings#maxHops()} redirects per exchange.
 *   <li>No https → http unless {@link RedirectSettings#allowHttpsDowngrade()} (RFC 9110 §4.2.2).
 *   <li>No loop: a request already sent twice in the exchange is not sent a third time (RFC 9110
 *       §15.4). One repeat is allowed because a login flow legitimately comes back to the page it
 *       started from once a cookie is set.
 *   <li>A body that must be kept must be replayable.
 * </ol>
 *
 * <p>The plan removes the content-specific header fields once the body is dropped (RFC 9110 §15.4,
 * step 5) and the credential fields of the settings once the origin — scheme, host and port —
 * changes (step 3, RFC 6454).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * RedirectFollower follower = RedirectFollower.ofDefaults();
 * List<Hop> hops = new ArrayList<>();
 * while (true) {
 *   Response response = send(request);
 *   FollowDecision d = follower.decide(view(request), view(response), hops);
 *   if (!(d instanceof FollowDecision.Follow f)) {
 *     return response; // Exchange.of(hops, Hop.of(view(request), view(response)), true) for the audit
 *   }
 *   hops.add(Hop.of(view(request), view(response)));
 *   response.close();
 *   request = next(request, f);
 * }
 * }</pre>
 */
public final class RedirectFollower {
  private static final RedirectFollower DEFAULT =
      new RedirectFollower(RedirectSettings.ofDefaults(), Classifier.ofDefaults());

  private final RedirectSettings settings;
  private final Classifier classifier;

  private RedirectFollower(RedirectSettings settings, Classifier classifier) {
    this.settings = settings;
    this.classifier = classifier;
  }

  /** {@return the default settings and the default classifier} */
  public static RedirectFollower ofDefaults() {
    return DEFAULT;
  }

  /**
   * A follower with these settings, deciding methods and followable codes by this classifier.
   *
   * @param settings the hop limit and the credential fields
   * @param classifier decides methods and which codes may be followed
   * @return the follower
   * @throws IllegalArgumentException when an argument is null
   */
  public static RedirectFollower of(RedirectSettings settings, Classifier classifier) {
    if (settings == null) {
      throw new IllegalArgumentException("settings: must not be null");
    }
    if (classifier == null) {
      throw new IllegalArgumentException("classifier: must not be null");
    }
    return new RedirectFollower(settings, classifier);
  }

  /** {@return the settings applied} */
  public RedirectSettings settings() {
    return settings;
  }

  /**
   * Decides whether to follow a response; never throws for any status or header value.
   *
   * @param request the request as sent
   * @param response the response to it
   * @param hops the hops this exchange already followed, oldest first, not including this one
   * @return a plan to follow, or the reason to stop
   */
  public FollowDecision decide(RequestView request, ResponseView response, List<Hop> hops) {
    return decide(request, response, classifier.classify(request, response), hops);
  }

  /**
   * As {@link #decide(RequestView, ResponseView, List)}, for a response already classified by this
   * follower's classifier: a response is classified once, by whoever sees it first.
   *
   * @param request the request as sent
   * @param response the response to it
   * @param verdict the classifier's verdict on {@code response}
   * @param hops the hops this exchange already followed, oldest first, not including this one
   * @return a plan to follow, or the reason to stop
   */
  public FollowDecision decide(
      RequestView request, ResponseView response, Verdict verdict, List<Hop> hops) {
    if (verdict.kind() != Verdict.Kind.FOLLOW) {
      return refusal(verdict);
    }
    URI target = verdict.location().orElseThrow();
    String method = verdict.followMethod().orElseThrow();
    String to = Finding.redactUrl(target.toString());
    if (hops.size() >= settings.maxHops()) {
      return new FollowDecision.Stop(
          FollowDecision.StopReason.TOO_MANY_HOPS,
          "already followed " + hops.size() + " redirects, the limit; not following to " + to,
          "RFC 9110 §15.4");
    }
    if (isDowngrade(request.uri(), target) && !settings.allowHttpsDowngrade()) {
      return new FollowDecision.Stop(
          FollowDecision.StopReason.DOWNGRADE_REFUSED,
          verdict.status() + " leads from https to " + to + "; https→http is not followed",
          "RFC 9110 §4.2.2");
    }
    if (timesSent(RequestKey.of(method, target), request, hops) >= 2) {
      return new FollowDecision.Stop(
          FollowDecision.StopReason.LOOP,
          method + " " + to + " was already sent twice in this exchange: a redirect loop",
          "RFC 9110 §15.4");
    }
    if (verdict.keepsBody() && !request.bodyReplayable()) {
      return new FollowDecision.Stop(
          FollowDecision.StopReason.BODY_NOT_REPLAYABLE,
          verdict.status()
              + " keeps the body of "
              + request.method()
              + ", which cannot be sent again",
          verdict.policy().basis().method());
    }
    Set<String> remove = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    boolean methodChanged = !method.equals(request.method());
    if (!verdict.keepsBody() && (request.hasBody() || methodChanged)) {
      addPresent(request, FieldValues.CONTENT_FIELDS, remove::add);
    }
    if (!Origin.same(request.uri(), target)) {
      addPresent(request, settings.credentialHeaders(), remove::add);
    }
    return new FollowDecision.Follow(
        verdict.status().code(), method, target, verdict.keepsBody(), remove, verdict.retryAfter());
  }

  static boolean isDowngrade(URI from, URI to) {
    return "https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(to.getScheme());
  }

  private static int timesSent(String key, RequestView current, List<Hop> hops) {
    int n = key.equals(RequestKey.of(current.method(), current.uri())) ? 1 : 0;
    for (Hop h : hops) {
      if (key.equals(RequestKey.of(h.method(), h.uri()))) {
        n++;
      }
    }
    return n;
  }

  private static void addPresent(
      RequestView request, Iterable<String> names, Consumer<String> sink) {
    for (String name : names) {
      if (request.header(name).isPresent()) {
        sink.accept(name);
      }
    }
  }

  private static FollowDecision.Stop refusal(Verdict verdict) {
    for (Reason r : verdict.reasons()) {
      switch (r.kind()) {
        case LOCATION_MISSING:
          return stop(FollowDecision.StopReason.LOCATION_MISSING, r);
        case LOCATION_INVALID:
          // The classifier quotes the Location, which may carry a query secret: say less.
          return new FollowDecision.Stop(
              FollowDecision.StopReason.LOCATION_INVALID,
              verdict.status() + " has a Location that is not an http(s) URI reference",
              r.spec());
        case REDIRECT_REFUSED:
          return stop(
              verdict.status().equivalentCode() == 305
                  ? FollowDecision.StopReason.USE_PROXY_REFUSED
                  : FollowDecision.StopReason.REDIRECT_REFUSED,
              r);
        default:
          break;
      }
    }
    return new FollowDecision.Stop(
        FollowDecision.StopReason.NOT_A_REDIRECT,
        verdict.status() + " is not a redirect the policy follows (" + verdict.kind() + ")",
        "RFC 9110 §15.4");
  }

  private static FollowDecision.Stop stop(FollowDecision.StopReason reason, Reason r) {
    return new FollowDecision.Stop(reason, r.detail(), r.spec());
  }
}
