package io.httptriage.cache;

import io.httptriage.exchange.ResponseView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;

/**
 * A response a cache holds: its status and header fields as stored, and when the request that
 * produced it was sent and when it was received, which RFC 9111 §4.2.3 needs to compute its age. An
 * adapter builds one from its cache's response (OkHttp: {@code sentRequestAtMillis()} and {@code
 * receivedResponseAtMillis()}).
 *
 * <p>Immutable and thread-safe if the view is.
 *
 * <pre>{@code
 * StoredResponse stored = new StoredResponse(view, Instant.ofEpochMilli(r.sentRequestAtMillis()),
 *     Instant.ofEpochMilli(r.receivedResponseAtMillis()));
 * Duration age = stored.age(clock.instant());
 * }</pre>
 *
 * @param response the stored status and header fields
 * @param requestTime when the request that produced it was sent ({@code request_time})
 * @param responseTime when it was received ({@code response_time})
 */
public record StoredResponse(ResponseView response, Instant requestTime, Instant responseTime) {

  /**
   * Validates the fields.
   *
   * @param response the stored status and header fields
   * @param requestTime when the request that produced it was sent
   * @param responseTime when it was received
   */
  public StoredResponse {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(requestTime, "requestTime");
    Objects.requireNonNull(responseTime, "responseTime");
  }

  /**
   * {@return the current age (RFC 9111 §4.2.3), from 0 to 2<sup>31</sup> seconds; an invalid Age or
   * Date field counts as absent}
   *
   * @param now the current instant
   */
  public Duration age(Instant now) {
    return Freshness.currentAge(response, requestTime, responseTime, now, new ArrayList<>(0));
  }
}
