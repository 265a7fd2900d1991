package io.httptriage.engine;

import io.httptriage.follow.FollowDecision;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The adapter's requests for the follow-ups the step plans. Stateless and thread-safe. */
final class FollowUps {
  private static final Logger LOG = LoggerFactory.getLogger(Triage.class);

  private FollowUps() {}

  /**
   * The adapter's request for a planned follow-up; null when the client refuses to address the
   * target (OkHttp's HttpUrl rejects hosts java.net.URI accepts). Only the exception's type is
   * logged: its message may quote the target, query and all.
   */
  static <Q, R> @Nullable Q request(ClientCall<Q, R> call, Q request, FollowDecision.Follow plan) {
    try {
      return call.followUp(request, plan);
    } catch (RuntimeException e) {
      LOG.debug(
          "httptriage cannot follow a {} to a target this client refuses ({});"
              + " the redirect is returned as final",
          plan.status(),
          e.getClass().getName());
      return null;
    }
  }
}
