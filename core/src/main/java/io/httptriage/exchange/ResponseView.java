package io.httptriage.exchange;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What core needs to know about a response: status, headers and whether content came with it.
 * Adapters implement it over their client's response type; {@link #of} builds a plain one.
 *
 * <p>Implementations must be safe to read from any thread and must not change while core reads
 * them. Core never reads the body.
 *
 * <pre>{@code
 * ResponseView resp = ResponseView.of(429, Headers.of("Retry-After", "30"));
 * }</pre>
 */
public interface ResponseView {

  /** {@return the status code as received; any int, including invalid ones} */
  int status();

  /**
   * The first value of a header field, matched case-insensitively. Core reads a field whose lines
   * matter through {@link #headers(String)}, so views must give every line there.
   *
   * @param name the field name
   * @return the first value, or empty when the field is absent
   */
  Optional<String> header(String name);

  /**
   * {@return every value of a header field; empty when absent}
   *
   * @param name the field name
   */
  default List<String> headers(String name) {
    return header(name).map(List::of).orElse(List.of());
  }

  /**
   * {@return the length of the content when known: Content-Length, or what the client measured;
   * empty when it is unknown (e.g. chunked and not yet read)}
   */
  default OptionalLong contentLength() {
    Optional<String> cl = header("Content-Length");
    if (cl.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(cl.get().trim());
      return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * {@return true when content came with the response}
   *
   * <p>Views that saw the body should override this with what they measured. The default reads the
   * framing headers: a Transfer-Encoding, or a Content-Length above zero, announces content (RFC
   * 9112 §6). On a 304 those fields describe the representation a 200 would have carried, not
   * content of the 304 (RFC 9110 §8.6, RFC 9112 §6.1), so the default answers false there.
   */
  default boolean hasContent() {
    if (status() == 304) {
      return false;
    }
    return header("Transfer-Encoding").isPresent() || contentLength().orElse(0) > 0;
  }

  /**
   * {@return present when a cache answered instead of the network: the stored response's current
   * age (RFC 9111 §4.2.3) when it was served; empty when the network answered, the default}
   * OkHttp's view answers for {@code okhttp3.Cache}; the JDK client has no cache.
   */
  default Optional<Duration> cacheAge() {
    return Optional.empty();
  }

  /**
   * {@return a plain immutable response view}
   *
   * @param status the status code
   * @param headers the header fields
   * @throws IllegalArgumentException when {@code headers} is null
   */
  static ResponseView of(int status, Headers headers) {
    return new BasicResponseView(status, headers);
  }

  /**
   * {@return a response view with no headers}
   *
   * @param status the status code
   */
  static ResponseView of(int status) {
    return new BasicResponseView(status, Headers.empty());
  }
}
