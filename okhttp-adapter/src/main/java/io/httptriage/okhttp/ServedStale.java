package io.httptriage.okhttp;

import java.time.Duration;
import java.util.Objects;

/**
 * The mark on a response that httptriage served from OkHttp's cache instead of the origin's error,
 * under the stale-if-error extension (RFC 5861 §4): a typed tag on the response's request. A
 * response without it came from the origin, or from OkHttp's cache as OkHttp itself decided.
 *
 * <p>The verdict {@code SERVED_STALE} in the meters and the log line says the same; OkHttp's own
 * {@code Warning: 110} header, obsolete since RFC 9111, is kept but is not the mark.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * try (Response response = client.newCall(request).execute()) {
 *   ServedStale stale = response.request().tag(ServedStale.class);
 *   if (stale != null) {
 *     log.info("origin answered {}; showing data {} old", stale.originStatus(), stale.age());
 *   }
 * }
 * }</pre>
 *
 * @param originStatus the status the origin answered, after retries: 500, 502, 503 or 504; 0 when
 *     it gave none (a transport failure, whose kind the call's meters and log line name)
 * @param age the stored response's current age (RFC 9111 §4.2.3)
 * @param staleness how far past its freshness lifetime it was
 * @param window the stale-if-error window that allowed it
 * @param reason core's words, e.g. "stale for 40 s, within the response's stale-if-error=300"
 */
public record ServedStale(
    int originStatus, Duration age, Duration staleness, Duration window, String reason) {

  /**
   * Validates the fields.
   *
   * @param originStatus the status the origin answered; 0 after a transport failure
   * @param age the stored response's current age
   * @param staleness how far past its freshness lifetime it was
   * @param window the stale-if-error window that allowed it
   * @param reason core's words
   */
  public ServedStale {
    Objects.requireNonNull(age, "age");
    Objects.requireNonNull(staleness, "staleness");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(reason, "reason");
  }
}
