package io.httptriage.exchange;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin of an http(s) URI: scheme, host and port, with the scheme's default port filled in
 * (RFC 6454 §4, RFC 9110 §4.3.1). Two URIs are same-origin when their origins are equal, so {@code
 * https://api.example} and {@code https://API.example:443/x} are, while {@code http://api.example}
 * and {@code https://api.example} are not.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Origin a = Origin.of(URI.create("https://api.example/orders")).orElseThrow();
 * Origin b = Origin.of(URI.create("https://cdn.example/orders")).orElseThrow();
 * a.equals(b); // false: credentials for a must not travel to b
 * }</pre>
 *
 * @param scheme the scheme, lower case
 * @param host the host, lower case
 * @param port the port, the scheme's default when the URI names none
 */
public record Origin(String scheme, String host, int port) {

  /**
   * Validates the fields.
   *
   * @param scheme the scheme, lower case
   * @param host the host, lower case
   * @param port the port, the scheme's default when the URI names none
   */
  public Origin {
    if (scheme == null || scheme.isEmpty()) {
      throw new IllegalArgumentException("scheme: must not be empty");
    }
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("host: must not be empty");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: must be in 0..65535, was " + port);
    }
  }

  /**
   * The origin of a URI; never throws.
   *
   * @param uri any URI
   * @return the origin, or empty when the URI is not an absolute http(s) URI with a host and a port
   *     in 0..65535 (java.net.URI accepts any number of digits as a port)
   */
  public static Optional<Origin> of(URI uri) {
    String scheme = uri.getScheme();
    String host = uri.getHost();
    if (scheme == null || host == null || host.isEmpty() || uri.getPort() > 65535) {
      return Optional.empty();
    }
    String s = scheme.toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port == -1) {
      if ("http".equals(s)) {
        port = 80;
      } else if ("https".equals(s)) {
        port = 443;
      } else {
        return Optional.empty();
      }
    } else if (!"http".equals(s) && !"https".equals(s)) {
      return Optional.empty();
    }
    return Optional.of(new Origin(s, host.toLowerCase(Locale.ROOT), port));
  }

  /**
   * {@return true when both URIs have an origin and it is the same one}
   *
   * @param a one URI
   * @param b the other URI
   */
  public static boolean same(URI a, URI b) {
    Optional<Origin> oa = of(a);
    return oa.isPresent() && oa.equals(of(b));
  }

  /** {@return true for the https scheme} */
  public boolean isSecure() {
    return "https".equals(scheme);
  }

  /** {@code "https://api.example:443"}. */
  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
