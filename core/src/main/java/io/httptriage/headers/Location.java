package io.httptriage.headers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The Location header field of a redirect (RFC 9110 §10.2.2): a URI reference resolved against the
 * target URI of the request that received it (RFC 3986 §5).
 *
 * <p>{@link #resolve(URI, String)} never throws: a value that is not a URI reference, or that
 * resolves to something other than an absolute http(s) URI with a host and a usable port (none,
 * or 1..65535), gives an empty result.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * Location.resolve(URI.create("https://api.example/a/b"), "../c?x=1");
 * // Optional[https://api.example/c?x=1]
 * Location.resolve(URI.create("https://api.example/"), "javascript:alert(1)"); // Optional.empty
 * }</pre>
 */
public final class Location {

  private Location() {}

  /**
   * Resolves a Location value against the request URI.
   *
   * @param base the absolute target URI of the request the redirect answered
   * @param value the raw Location field value
   * @return the absolute http(s) target, or empty when the value is malformed, not http(s), or
   *     names a port outside 1..65535
   */
  public static Optional<URI> resolve(URI base, String value) {
    try {
      URI ref = new URI(value.strip());
      URI target = base.resolve(ref);
      String scheme = target.getScheme();
      if (scheme == null || target.getHost() == null
          || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          || !isPort(target.getPort())) {
        return Optional.empty();
      }
      return Optional.of(target);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * No port, or one a connection can be made to: java.net.URI takes any digits as a port, and
   * clients refuse 0 and anything above 65535 (OkHttp's HttpUrl throws on them).
   */
  private static boolean isPort(int port) {
    return port == -1 || port >= 1 && port <= 65535;
  }
}
