package io.httptriage.follow;

import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A terse way to write the chains of real clients in tests. */
final class Chains {
  private final List<Hop> hops = new ArrayList<>();

  private Chains() {}

  static Chains chain() {
    return new Chains();
  }

  /** A hop without body; {@code location} may be null for none. */
  Chains hop(String method, String url, int status, String location, String... headerNames) {
    return add(method, url, status, location, false, headerNames);
  }

  /** A hop whose request carried a body. */
  Chains hopWithBody(String method, String url, int status, String location, String... headers) {
    return add(method, url, status, location, true, headers);
  }

  private Chains add(
      String method, String url, int status, String location, boolean body, String... names) {
    Hop.Builder b =
        Hop.builder()
            .method(method)
            .uri(URI.create(url))
            .status(status)
            .bodySent(body)
            .headerNames(Arrays.asList(names));
    if (location != null) {
      b.location(location);
    }
    hops.add(b.build());
    return this;
  }

  /** The exchange whose last hop is the final one. */
  Exchange following() {
    return build(true);
  }

  /** The same, from a client set not to follow redirects. */
  Exchange notFollowing() {
    return build(false);
  }

  private Exchange build(boolean follows) {
    return Exchange.of(hops.subList(0, hops.size() - 1), hops.get(hops.size() - 1), follows);
  }
}
