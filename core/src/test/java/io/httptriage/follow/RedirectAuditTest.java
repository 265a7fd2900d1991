package io.httptriage.follow;

import static io.httptriage.follow.Chains.chain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.httptriage.exchange.Exchange;
import io.httptriage.finding.Finding;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RedirectAuditTest {
  private static final String A = "https://a.example";
  private static final String B = "https://b.example";

  /** Each row: a chain, and its findings as "KIND SEVERITY hopIndex", in order. */
  static Stream<Arguments> chains() {
    return Stream.of(
        arguments(
            "POST 302 then GET 307 (OkHttp, JDK)",
            chain()
                .hopWithBody("POST", A + "/form", 302, "/next")
                .hop("GET", A + "/next", 307, "/final")
                .hop("GET", A + "/final", 200, null)
                .following(),
            List.of("METHOD_REWRITTEN WARNING 0")),
        arguments(
            "POST 301 followed as GET",
            chain()
                .hopWithBody("POST", A + "/old", 301, "/new")
                .hop("GET", A + "/new", 200, null)
                .following(),
            List.of("METHOD_REWRITTEN WARNING 0")),
        arguments(
            "PUT turned into GET on 301 (OkHttp)",
            chain()
                .hopWithBody("PUT", A + "/doc", 301, "/doc2")
                .hop("GET", A + "/doc2", 200, null)
                .following(),
            List.of("NON_POST_METHOD_REWRITTEN VIOLATION 0")),
        arguments(
            "DELETE turned into GET on 302 (OkHttp)",
            chain()
                .hop("DELETE", A + "/doc", 302, "/gone")
                .hop("GET", A + "/gone", 200, null)
                .following(),
            List.of("NON_POST_METHOD_REWRITTEN VIOLATION 0")),
        arguments(
            "POST kept on 302 is fine",
            chain()
                .hopWithBody("POST", A + "/form", 302, "/other")
                .hopWithBody("POST", A + "/other", 201, null)
                .following(),
            List.of()),
        arguments(
            "307 followed as GET",
            chain()
                .hopWithBody("POST", A + "/pay", 307, "/pay2")
                .hop("GET", A + "/pay2", 200, null)
                .following(),
            List.of("METHOD_NOT_PRESERVED VIOLATION 0")),
        arguments(
            "308 followed without the body",
            chain()
                .hopWithBody("POST", A + "/pay", 308, "/pay2")
                .hop("POST", A + "/pay2", 200, null)
                .following(),
            List.of("BODY_NOT_PRESERVED VIOLATION 0")),
        arguments(
            "302 then 307 replays a POST (Methanol with a cache)",
            chain()
                .hopWithBody("POST", A + "/form", 302, "/a")
                .hop("GET", A + "/a", 307, "/b")
                .hopWithBody("POST", A + "/b", 200, null)
                .following(),
            List.of("METHOD_REWRITTEN WARNING 0", "METHOD_NOT_PRESERVED VIOLATION 1")),
        arguments(
            "303 followed with POST",
            chain()
                .hopWithBody("POST", A + "/form", 303, "/result")
                .hopWithBody("POST", A + "/result", 200, null)
                .following(),
            List.of("SEE_OTHER_NOT_GET VIOLATION 0")),
        arguments(
            "303 followed with GET is what it asks for",
            chain()
                .hopWithBody("POST", A + "/form", 303, "/result")
                .hop("GET", A + "/result", 200, null)
                .following(),
            List.of()),
        arguments(
            "300 followed with another method",
            chain()
                .hop("PUT", A + "/choice", 300, "/one")
                .hop("GET", A + "/one", 200, null)
                .following(),
            List.of("METHOD_NOT_PRESERVED WARNING 0")),
        arguments(
            "a followed redirect recorded without Location",
            chain().hop("GET", A + "/x", 302, null).hop("GET", A + "/y", 200, null).following(),
            List.of("LOCATION_MISSING VIOLATION 0")),
        arguments(
            "final 302 without Location",
            chain().hop("GET", A + "/x", 302, null).following(),
            List.of("LOCATION_MISSING VIOLATION -1")),
        arguments(
            "final 301 with an unparseable Location",
            chain().hop("GET", A + "/x", 301, "http://[broken?token=s3cret").following(),
            List.of("LOCATION_INVALID VIOLATION -1")),
        arguments(
            "final 302 pointing to a javascript: URI",
            chain().hop("GET", A + "/x", 302, "javascript:alert(1)").following(),
            List.of("LOCATION_INVALID VIOLATION -1")),
        arguments(
            "https to http downgrade",
            chain()
                .hop("GET", A + "/x", 301, "http://a.example/x")
                .hop("GET", "http://a.example/x", 200, null)
                .following(),
            List.of("HTTPS_DOWNGRADE SECURITY 0")),
        arguments(
            "Authorization carried to another origin",
            chain()
                .hop("GET", A + "/me", 302, B + "/me", "Authorization")
                .hop("GET", B + "/me", 200, null, "Authorization")
                .following(),
            List.of("CREDENTIALS_CROSS_ORIGIN SECURITY 0")),
        arguments(
            "Cookie and Proxy-Authorization carried to another port",
            chain()
                .hop("GET", A + "/me", 302, A + ":8443/me", "Cookie", "Proxy-Authorization")
                .hop("GET", A + ":8443/me", 200, null, "cookie", "proxy-authorization")
                .following(),
            List.of("CREDENTIALS_CROSS_ORIGIN SECURITY 0")),
        arguments(
            "Authorization kept within the origin (default port spelled out)",
            chain()
                .hop("GET", A + "/me", 302, A + ":443/you", "Authorization")
                .hop("GET", A + ":443/you", 200, null, "Authorization")
                .following(),
            List.of()),
        arguments(
            "a Cookie the first request did not carry belongs to the new origin",
            chain()
                .hop("GET", A + "/", 302, B + "/")
                .hop("GET", B + "/", 200, null, "Cookie")
                .following(),
            List.of()),
        arguments(
            "credentials dropped on the way out and sent again on the way back",
            chain()
                .hop("GET", A + "/1", 302, B + "/2", "Authorization")
                .hop("GET", B + "/2", 302, A + "/3")
                .hop("GET", A + "/3", 200, null, "Authorization")
                .following(),
            List.of()),
        arguments(
            "a loop is one REDIRECT_LOOP, not also CHAIN_TRUNCATED",
            chain()
                .hop("GET", A + "/a", 302, "/b")
                .hop("GET", A + "/b", 302, "/a")
                .hop("GET", A + "/a", 302, "/b")
                .hop("GET", A + "/b", 302, "/a")
                .hop("GET", A + "/a", 302, "/b")
                .following(),
            List.of("REDIRECT_LOOP WARNING 1")),
        arguments(
            "a login flow that comes back once and succeeds is no loop",
            chain()
                .hop("GET", A + "/page", 302, "/login")
                .hop("GET", A + "/login", 302, "/page")
                .hop("GET", A + "/page", 200, null, "Cookie")
                .following(),
            List.of()),
        arguments(
            "five 302s cut at four (JDK)",
            chain()
                .hop("GET", A + "/1", 302, "/2")
                .hop("GET", A + "/2", 302, "/3")
                .hop("GET", A + "/3", 302, "/4")
                .hop("GET", A + "/4", 302, "/5")
                .hop("GET", A + "/5", 302, "/6")
                .following(),
            List.of("CHAIN_TRUNCATED WARNING -1")),
        arguments(
            "a redirect handed back by a client set not to follow",
            chain().hop("GET", A + "/1", 302, "/2").notFollowing(),
            List.of("REDIRECT_NOT_FOLLOWED INFO -1")),
        arguments(
            "https to http rightly not followed",
            chain().hop("GET", A + "/1", 302, "http://a.example/2").following(),
            List.of("REDIRECT_NOT_FOLLOWED INFO -1")),
        arguments(
            "300 with a Location not followed",
            chain().hop("GET", A + "/1", 300, "/2").following(),
            List.of("REDIRECT_NOT_FOLLOWED INFO -1")),
        arguments(
            "305 followed",
            chain()
                .hop("GET", A + "/1", 305, "http://proxy.example/")
                .hop("GET", "http://proxy.example/", 200, null)
                .following(),
            List.of("USE_PROXY SECURITY 0", "HTTPS_DOWNGRADE SECURITY 0")),
        arguments(
            "305 handed back",
            chain().hop("GET", A + "/1", 305, "http://proxy.example/").following(),
            List.of("USE_PROXY INFO -1")),
        arguments(
            "an authentication retry is not a redirect",
            chain()
                .hop("GET", A + "/me", 401, null)
                .hop("GET", A + "/me", 200, null, "Authorization")
                .following(),
            List.of()),
        arguments(
            "a retry of the same request after 503 is no loop",
            chain()
                .hop("GET", A + "/me", 503, null)
                .hop("GET", A + "/me", 503, null)
                .hop("GET", A + "/me", 200, null)
                .following(),
            List.of()),
        arguments("a plain 200", chain().hop("GET", A + "/", 200, null).following(), List.of()),
        arguments("a final 304", chain().hop("GET", A + "/", 304, null).following(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chains")
  void reportsWhatWentWrongInTheChain(String name, Exchange exchange, List<String> expected) {
    assertThat(summary(RedirectAudit.ofDefaults().audit(exchange)))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void reportsTooManyHopsAtTheFirstHopBeyondTheLimit() {
    Chains c = chain();
    for (int i = 0; i < 21; i++) {
      c.hop("GET", A + "/" + i, 302, "/" + (i + 1));
    }
    Exchange exchange = c.hop("GET", A + "/21", 200, null).following();

    assertThat(summary(RedirectAudit.ofDefaults().audit(exchange)))
        .containsExactly("TOO_MANY_HOPS WARNING 20");
  }

  @Test
  void chainStoppedAtHttptriagesOwnHopLimitIsTooManyHopsNotChainTruncated() {
    Chains c = chain();
    for (int i = 0; i < 20; i++) {
      c.hop("GET", A + "/" + i, 302, "/" + (i + 1));
    }
    Exchange exchange = c.hop("GET", A + "/20", 302, "/21").following();

    assertThat(summary(RedirectAudit.ofDefaults().audit(exchange)))
        .containsExactly("TOO_MANY_HOPS WARNING -1");
  }

  @Test
  void takesTheHopLimitFromItsSettings() {
    RedirectAudit audit =
        RedirectAudit.of(
            RedirectSettings.builder().maxHops(2).build(),
            io.httptriage.policy.PolicyTable.ofDefaults());
    Exchange exchange =
        chain()
            .hop("GET", A + "/1", 302, "/2")
            .hop("GET", A + "/2", 302, "/3")
            .hop("GET", A + "/3", 302, "/4")
            .hop("GET", A + "/4", 200, null)
            .following();

    assertThat(summary(audit.audit(exchange))).containsExactly("TOO_MANY_HOPS WARNING 2");
  }

  @Test
  void auditsCustomCredentialHeaders() {
    RedirectAudit audit =
        RedirectAudit.of(
            RedirectSettings.builder().credentialHeaders("X-Api-Key").build(),
            io.httptriage.policy.PolicyTable.ofDefaults());
    Exchange exchange =
        chain()
            .hop("GET", A + "/", 302, B + "/", "X-Api-Key", "Authorization")
            .hop("GET", B + "/", 200, null, "X-Api-Key", "Authorization")
            .following();

    List<Finding> findings = audit.audit(exchange);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.explanation())
                    .startsWith("X-Api-Key ")
                    .doesNotContain("Authorization"));
  }

  @Test
  void namesTheLeakedFieldsAndRedactsTheUrls() {
    Exchange exchange =
        chain()
            .hop(
                "GET",
                "https://me:pw@a.example/api?key=k123",
                307,
                B + "/api?key=k123",
                "Authorization",
                "Cookie")
            .hop("GET", B + "/api?key=k123", 200, null, "Authorization", "Cookie")
            .following();

    Finding f = RedirectAudit.ofDefaults().audit(exchange).get(0);

    assertThat(f.kind()).isEqualTo(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
    assertThat(f.explanation()).contains("Authorization, Cookie");
    assertThat(f.from()).contains("https://a.example/api?key=*");
    assertThat(f.to()).contains("https://b.example/api?key=*");
    assertThat(f.spec()).isEqualTo("RFC 9110 §15.4, RFC 6265 §5.4, RFC 6454");
  }

  @Test
  void explainsTheClassicMisinterpretationAndCitesTheRfc() {
    Exchange exchange =
        chain()
            .hopWithBody("POST", A + "/form", 302, "/next")
            .hop("GET", A + "/next", 200, null)
            .following();

    Finding f = RedirectAudit.ofDefaults().audit(exchange).get(0);

    assertThat(f.explanation()).contains("303", "307/308");
    assertThat(f.spec()).isEqualTo("RFC 9110 §15.4.3");
    assertThat(f.from()).contains(A + "/form");
    assertThat(f.to()).contains(A + "/next");
  }

  @Test
  void doesNotQuoteAnUnparseableLocationInTheExplanation() {
    Exchange exchange =
        chain().hop("GET", A + "/x", 301, "http://[broken?token=s3cret").following();

    Finding f = RedirectAudit.ofDefaults().audit(exchange).get(0);

    assertThat(f.toString()).doesNotContain("s3cret");
    assertThat(f.to()).contains("http://[broken?token=*");
  }

  @Test
  void judgesMethodsByThePolicyTable() {
    io.httptriage.policy.PolicyTable strict =
        io.httptriage.policy.PolicyTable.builder()
            .rule(
                io.httptriage.policy.PolicyRule.forCode(302)
                    .withMethod(io.httptriage.policy.MethodRule.PRESERVE))
            .build();
    Exchange exchange =
        chain()
            .hopWithBody("POST", A + "/form", 302, "/next")
            .hop("GET", A + "/next", 200, null)
            .following();

    assertThat(summary(RedirectAudit.of(RedirectSettings.ofDefaults(), strict).audit(exchange)))
        .containsExactly("METHOD_NOT_PRESERVED WARNING 0");
  }

  private static List<String> summary(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.kind() + " " + f.severity() + " " + f.hopIndex())
        .collect(Collectors.toList());
  }
}
