package io.httptriage.follow;

import io.httptriage.exchange.Origin;
import java.net.URI;

/**
 * What makes two requests of a chain "the same" for loop detection: the method and the target
 * without fragment, with scheme and host in lower case and the default port filled in (RFC 9110
 * §4.2.3), so that {@code https://A.example/x} and {@code https://a.example:443/x#f} match.
 */
final class RequestKey {
  private RequestKey() {}

  static String of(String method, URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String origin =
        Origin.of(uri)
            .map(Origin::toString)
            .orElseGet(() -> String.valueOf(uri.getScheme()) + "://" + uri.getRawAuthority());
    return method + " " + origin + path + query;
  }
}
