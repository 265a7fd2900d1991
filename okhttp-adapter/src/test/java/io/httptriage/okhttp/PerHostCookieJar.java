package io.httptriage.okhttp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * An in-memory cookie jar as a browser keeps one (RFC 6265): it stores what servers set and sends
 * each request the cookies that match it, ports ignored (OkHttp's {@code Cookie.matches}).
 */
final class PerHostCookieJar implements CookieJar {
  private final List<Cookie> cookies = new ArrayList<>();

  /** A jar holding one host-only cookie per entry: host → {@code name=value}. */
  PerHostCookieJar(Map<String, String> hostOnly) {
    hostOnly.forEach(
        (host, pair) -> {
          String[] nv = pair.split("=", 2);
          cookies.add(
              new Cookie.Builder().name(nv[0]).value(nv[1]).hostOnlyDomain(host).path("/").build());
        });
  }

  @Override
  public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
    for (Cookie c : received) {
      cookies.removeIf(
          k ->
              k.name().equals(c.name())
                  && k.domain().equals(c.domain())
                  && k.path().equals(c.path()));
      cookies.add(c);
    }
  }

  @Override
  public synchronized List<Cookie> loadForRequest(HttpUrl url) {
    List<Cookie> matching = new ArrayList<>();
    for (Cookie c : cookies) {
      if (c.matches(url)) {
        matching.add(c);
      }
    }
    return matching;
  }
}
