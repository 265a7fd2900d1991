package io.httptriage.exchange;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What core needs to know about a request: method, URI, headers and whether its body can be sent
 * again. Adapters implement it over their client's request type; {@link #of} builds a plain one.
 *
 * <p>Implementations must be safe to read from any thread and must not change while core reads
 * them.
 *
 * <pre>{@code
 * RequestView req = RequestView.of("POST", URI.create("https://api.example/orders"),
 *     Headers.of("Idempotency-Key", "7f1c"), true, true);
 * }</pre>
 */
public interface RequestView {

  /** {@return the method, case-sensitive as sent (RFC 9110 §9.1)} */
  String method();

  /** {@return the absolute target URI} */
  URI uri();

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
   * {@return the names of the header fields the request carries, matched case-insensitively}
   *
   * <p>Views that can list their fields should override this; the default can only probe, with
   * {@link #header(String)}, the fields core inspects: the credentials (Authorization, Cookie,
   * Proxy-Authorization), {@code Idempotency-Key} and the content-specific fields of RFC 9110
   * §15.4.
   */
  default Set<String> headerNames() {
    Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String name : BasicRequestView.INSPECTED_FIELDS) {
      if (header(name).isPresent()) {
        names.add(name);
      }
    }
    return names;
  }

  /** {@return true when the request carries content} */
  boolean hasBody();

  /**
   * {@return true when the request can be sent again unchanged: it has no body, or its body can be
   * produced a second time (not one-shot, not a consumed stream)}
   */
  boolean bodyReplayable();

  /**
   * {@return a plain immutable request view}
   *
   * @param method the method
   * @param uri the target URI
   * @param headers the header fields
   * @param hasBody whether content is sent
   * @param bodyReplayable whether that content can be sent again
   * @throws IllegalArgumentException when an argument is null or the method is blank
   */
  static RequestView of(
      String method, URI uri, Headers headers, boolean hasBody, boolean bodyReplayable) {
    return new BasicRequestView(method, uri, headers, hasBody, bodyReplayable);
  }

  /**
   * {@return a body-less request view with no headers, e.g. {@code RequestView.of("GET", uri)}}
   *
   * @param method the request method
   * @param uri the request target
   */
  static RequestView of(String method, URI uri) {
    return new BasicRequestView(method, uri, Headers.empty(), false, true);
  }
}
