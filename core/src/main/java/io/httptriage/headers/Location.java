package io.httptriage.headers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * The Location header field of a redirect (RFC 9110 §10.2.2): a URI reference resolved against the
 * target URI of the request that received it, by the one resolver of httptriage (RFC 3986 §5.2,
 * read as leniently as OkHttp's {@code HttpUrl} and the WHATWG URL Standard read it; see {@code
 * UriReference}).
 *
 * <ul>
 *   <li>What a client can still address is followed: {@code /a b}, {@code /x|y}, {@code /p%zz} are
 *       percent-encoded ({@code /a%20b}, {@code /x%7Cy}, {@code /p%25zz}), {@code \} counts as
 *       {@code /}, dot segments are removed (§5.2.4).
 *   <li>An empty value is the same-document reference: it resolves to the request URI (§5.4.1).
 *   <li>A value without a fragment inherits the request's fragment (RFC 9110 §10.2.2).
 *   <li>Location is a singleton field (RFC 9110 §5.3): a response with several field lines is read
 *       through {@link #fieldValue(List)}. Identical lines count as one, as RFC 9110 §8.6 lets a
 *       recipient do for identical Content-Length values; lines that differ make the field invalid,
 *       since nothing says which target the server meant. So both clients refuse it the same way,
 *       where OkHttp alone would follow the last line and the JDK client the first.
 * </ul>
 *
 * <p>{@link #resolve(URI, String)} never throws: a value that resolves to something other than an
 * absolute http(s) URI with a host and a port in 1..65535 gives an empty result.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * Location.resolve(URI.create("https://api.example/a/b"), "../c?x=1");
 * // Optional[https://api.example/c?x=1]
 * Location.resolve(URI.create("https://api.example/a"), "/a b"); // Optional[https://api.example/a%20b]
 * Location.resolve(URI.create("https://api.example/"), "javascript:alert(1)"); // Optional.empty
 * }</pre>
 */
public final class Location {
  /** Separates differing field lines in {@link #fieldValue}; no field value can hold it. */
  private static final char LINE = '\n';

  private Location() {}

  /**
   * The Location of a response from every one of its field lines.
   *
   * @param values every value of the field, in order, as the response view gives them
   * @return empty when absent; the value when there is one line, or several identical ones
   *     (compared without surrounding whitespace); otherwise every value joined by a line feed,
   *     which {@link #resolve(URI, String)} refuses and {@link #isRepeated(String)} recognises
   */
  public static Optional<String> fieldValue(List<String> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    String first = values.get(0);
    for (int i = 1; i < values.size(); i++) {
      if (!values.get(i).strip().equals(first.strip())) {
        return Optional.of(String.join(String.valueOf(LINE), values));
      }
    }
    return Optional.of(first);
  }

  /**
   * {@return true for a value {@link #fieldValue(List)} made of several differing field lines}
   *
   * @param value a value {@link #fieldValue(List)} returned
   */
  public static boolean isRepeated(String value) {
    return value.indexOf(LINE) >= 0;
  }

  /**
   * Resolves a Location value against the request URI.
   *
   * @param base the absolute target URI of the request the redirect answered
   * @param value the Location field value, as {@link #fieldValue(List)} gives it
   * @return the absolute http(s) target, fragment inherited; empty when the value is not a
   *     reference an http(s) client can follow, or stands for several differing field lines
   */
  public static Optional<URI> resolve(URI base, String value) {
    if (isRepeated(value)) {
      return Optional.empty();
    }
    try {
      String target = UriReference.resolve(base.toString(), value);
      if (target == null) {
        return Optional.empty();
      }
      String fragment = base.getRawFragment();
      if (fragment != null && target.indexOf('#') < 0) {
        target = target + "#" + fragment;
      }
      URI uri = new URI(target);
      String scheme = uri.getScheme();
      if (scheme == null
          || uri.getHost() == null
          || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          || !isPort(uri.getPort())) {
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** No port, or one a connection can be made to. */
  private static boolean isPort(int port) {
    return port == -1 || port >= 1 && port <= 65535;
  }
}
