package io.httptriage.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import okhttp3.HttpUrl;

/**
 * The resolver against an oracle nobody here wrote: OkHttp's {@code HttpUrl.resolve}, as bare
 * OkHttp follows a Location, then {@code HttpUrl.uri()}, the java.net.URI form OkHttp itself gives
 * (OkHttp 5 is on core's test classpath through mockwebserver3). References are built from the
 * pieces where resolvers differ: dot segments in every spelling, backslashes, runs of slashes,
 * schemes, empty parts, characters that need encoding, bad escapes, IPv6 literals, ports and
 * userinfo. Hosts no lookup can use are the one place where the answers differ on purpose (see
 * {@link #isNetworkHost}). The fragment rule of RFC 9110 §10.2.2 is applied to OkHttp's answer,
 * which lacks it.
 */
class ResolverMatchesOkHttpProperties {
  static final int TRIES = 10_000;

  @Property(tries = TRIES)
  void locationResolvesWhereOkHttpDoes(
      @ForAll("bases") String base, @ForAll("references") String reference) {
    HttpUrl baseUrl = HttpUrl.get(base);
    HttpUrl resolved = baseUrl.resolve(reference);
    String expected = null;
    if (resolved != null && isNetworkHost(resolved.host())) {
      if (resolved.encodedFragment() == null && baseUrl.encodedFragment() != null) {
        resolved = resolved.newBuilder().encodedFragment(baseUrl.encodedFragment()).build();
      }
      expected = okHttpUri(resolved);
      Assume.that(expected != null);
    }
    Statistics.collect(expected == null ? "refused" : "followed");
    String actual = Location.resolve(baseUrl.uri(), reference).map(URI::toString).orElse(null);
    assertThat(actual).as("resolving '%s' against %s", reference, base).isEqualTo(expected);
  }

  /**
   * OkHttp's {@code uri()}, or null where it throws: it leaves a bad escape in userinfo ({@code
   * //u%zz@h}) and java.net.URI refuses it. httptriage writes {@code %25zz} there; such a try is
   * not counted.
   */
  private static String okHttpUri(HttpUrl url) {
    try {
      return url.uri().toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * A host java.net.URI, and so the JDK client, can address: an IP literal or a name whose last
   * label is not all digits (RFC 2396 §3.2.2). OkHttp builds URLs with hosts such as {@code x|y},
   * {@code )} or {@code g127.0.0.1}, whose lookup then fails, and its {@code uri()} even rewrites
   * {@code x|y} as {@code xy}. httptriage refuses such a Location at once, on both clients.
   */
  private static boolean isNetworkHost(String host) {
    if (host.contains(":")) {
      return true;
    }
    return host.matches("[a-z0-9.-]+") && URI.create("http://" + host + "/").getHost() != null;
  }

  @Provide
  Arbitrary<String> bases() {
    return Arbitraries.of(
        "http://a/b/c/d;p?q",
        "https://h.example:8443/x/y/",
        "http://[::1]:8080/p/q?r=1#frag",
        "https://u:pw@api.example/v1/items?page=2",
        "http://127.0.0.1:9/",
        "https://x-y.example/a/b/c/d/e");
  }

  @Provide
  Arbitrary<String> references() {
    Arbitrary<String> piece =
        Arbitraries.of(
            List.of(
                "g",
                "h",
                "a b",
                "x|y",
                "{z}",
                "%zz",
                "%41",
                "%2e",
                "%2E%2e",
                ".",
                "..",
                ".%2e",
                "/",
                "//",
                "///",
                "\\",
                "\\\\",
                "?",
                "?y",
                "?q=a b",
                "&",
                "=",
                "#",
                "#s",
                "#a#b",
                ";x",
                ";p=1",
                "é",
                "^",
                "`",
                "'",
                "\"",
                "<",
                ">",
                "[",
                "]",
                ":",
                ":8080",
                ":0",
                ":65536",
                ":",
                "@",
                "u:p@",
                "http:",
                "https:",
                "HTTP:",
                "g:h",
                "ftp:",
                "[::1]",
                "[2001:DB8::7]",
                "[::ffff:7f00:1]",
                "127.0.0.1",
                "H.Example",
                "x-y.example",
                "\t",
                " ",
                "+",
                "~",
                "!",
                "$",
                "*",
                "(",
                ")",
                ","));
    return piece.list().ofMinSize(0).ofMaxSize(7).map(parts -> String.join("", parts));
  }
}
