package io.httptriage.listener;

import io.httptriage.classify.Classifier;
import io.httptriage.classify.Reason;
import io.httptriage.classify.Verdict;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import java.net.URI;
import java.util.Optional;

/** Real verdicts of each kind, from the default classifier, for the listener tests. */
public final class Verdicts {
  private static final RequestView GET =
      RequestView.of("GET", URI.create("https://api.example.test/x"));

  public static final Verdict ACCEPT = classify(200, Headers.empty());
  public static final Verdict FAIL = classify(404, Headers.empty());
  public static final Verdict RETRY = classify(503, Headers.empty());
  public static final Verdict FOLLOW = classify(302, Headers.of("Location", "/y"));

  private Verdicts() {}

  public static Verdict of(Verdict.Kind kind) {
    switch (kind) {
      case ACCEPT:
        return ACCEPT;
      case RETRY:
        return RETRY;
      case FOLLOW:
        return FOLLOW;
      default:
        return FAIL;
    }
  }

  /** A 503 whose retry the gate refused, as the runtime reports it. */
  public static Verdict refusedBy(Verdict.Gate gate) {
    return RETRY.asFinal(
        Optional.of(gate), new Reason(Reason.Kind.RETRY_REFUSED, "refused", "test"));
  }

  private static Verdict classify(int status, Headers headers) {
    return Classifier.ofDefaults().classify(GET, ResponseView.of(status, headers));
  }
}
