package io.httptriage.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.classify.Classifier;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.follow.FollowDecision.Follow;
import io.httptriage.follow.FollowDecision.Stop;
import io.httptriage.follow.FollowDecision.StopReason;
import io.httptriage.policy.MethodRule;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectFollowerTest {
  private static final URI FORM = URI.create("https://a.example/form");
  private static final Headers POSTED =
      Headers.of(
          "Content-Type",
          "application/json",
          "Content-Length",
          "12",
          "Authorization",
          "Bearer t0k",
          "Cookie",
          "sid=1",
          "Proxy-Authorization",
          "Basic p",
          "X-Trace",
          "abc");

  private final RedirectFollower follower = RedirectFollower.ofDefaults();

  private static RequestView post(URI uri) {
    return RequestView.of("POST", uri, POSTED, true, true);
  }

  private static ResponseView redirect(int status, String location) {
    return ResponseView.of(status, Headers.of("Location", location));
  }

  private Follow follow(RequestView request, ResponseView response) {
    FollowDecision d = follower.decide(request, response, List.of());
    assertThat(d).isInstanceOf(Follow.class);
    return (Follow) d;
  }

  private Stop stop(FollowDecision d) {
    assertThat(d).isInstanceOf(Stop.class);
    return (Stop) d;
  }

  @Test
  void followsAPostOn302AsGetWithoutTheContentHeaders() {
    Follow f = follow(post(FORM), redirect(302, "/done"));

    assertThat(f.method()).isEqualTo("GET");
    assertThat(f.uri()).isEqualTo(URI.create("https://a.example/done"));
    assertThat(f.keepsBody()).isFalse();
    assertThat(f.status()).isEqualTo(302);
    assertThat(f.headersToRemove()).containsExactlyInAnyOrder("Content-Type", "Content-Length");
    assertThat(f.isFollow()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"307", "308"})
  void keepsMethodBodyAndHeadersOnAMethodPreservingRedirect(int status) {
    Follow f = follow(post(FORM), redirect(status, "/elsewhere"));

    assertThat(f.method()).isEqualTo("POST");
    assertThat(f.keepsBody()).isTrue();
    assertThat(f.headersToRemove()).isEmpty();
  }

  @Test
  void turnsAPutIntoGetOnlyOn303() {
    RequestView put = RequestView.of("PUT", FORM, POSTED, true, true);

    assertThat(follow(put, redirect(303, "/r")).method()).isEqualTo("GET");
    assertThat(follow(put, redirect(301, "/r")).method()).isEqualTo("PUT");
    assertThat(follow(put, redirect(301, "/r")).keepsBody()).isTrue();
  }

  @Test
  void dropsEveryCredentialWhenTheOriginChanges() {
    Follow f = follow(post(FORM), redirect(307, "https://b.example/form"));

    assertThat(f.headersToRemove())
        .containsExactlyInAnyOrder("Authorization", "Cookie", "Proxy-Authorization");
  }

  @Test
  void treatsAnotherPortAsAnotherOrigin() {
    Follow f = follow(post(FORM), redirect(307, "https://a.example:8443/form"));

    assertThat(f.headersToRemove()).contains("Authorization");
  }

  @Test
  void keepsCredentialsWithinTheOrigin() {
    Follow f = follow(post(FORM), redirect(307, "https://A.example:443/other"));

    assertThat(f.headersToRemove()).isEmpty();
  }

  @Test
  void dropsBothContentAndCredentialsOnACrossOrigin303() {
    Follow f = follow(post(FORM), redirect(303, "https://b.example/result"));

    assertThat(f.headersToRemove())
        .containsExactlyInAnyOrder(
            "Content-Type", "Content-Length", "Authorization", "Cookie", "Proxy-Authorization");
  }

  @Test
  void namesOnlyTheFieldsTheRequestCarries() {
    RequestView get = RequestView.of("GET", FORM, Headers.of("Cookie", "a=1"), false, true);

    Follow f = follow(get, redirect(302, "https://b.example/"));

    assertThat(f.headersToRemove()).containsExactly("Cookie");
  }

  @Test
  void dropsCustomCredentialHeadersFromTheSettings() {
    RedirectFollower custom =
        RedirectFollower.of(
            RedirectSettings.builder().credentialHeaders("X-Api-Key").build(),
            Classifier.ofDefaults());
    RequestView get =
        RequestView.of(
            "GET", FORM, Headers.of("X-Api-Key", "k", "Authorization", "a"), false, true);

    Follow f = (Follow) custom.decide(get, redirect(302, "https://b.example/"), List.of());

    assertThat(f.headersToRemove()).containsExactly("X-Api-Key");
  }

  @Test
  void followsHttpsToHttpOnlyWhenAllowedAndThenDropsCredentials() {
    RedirectFollower lenient =
        RedirectFollower.of(
            RedirectSettings.builder().allowHttpsDowngrade(true).build(), Classifier.ofDefaults());

    FollowDecision d =
        lenient.decide(post(FORM), redirect(307, "http://a.example/form"), List.of());

    assertThat(d)
        .isInstanceOfSatisfying(
            Follow.class, f -> assertThat(f.headersToRemove()).contains("Authorization", "Cookie"));
  }

  @Test
  void passesOnTheWaitARedirectAsksFor() {
    ResponseView r = ResponseView.of(307, Headers.of("Location", "/x", "Retry-After", "3"));

    assertThat(follow(post(FORM), r).retryAfter()).contains(Duration.ofSeconds(3));
  }

  @Test
  void followsByThePolicyTable() {
    PolicyTable table =
        PolicyTable.builder().rule(PolicyRule.forCode(302).withMethod(MethodRule.PRESERVE)).build();
    RedirectFollower byTable =
        RedirectFollower.of(RedirectSettings.ofDefaults(), Classifier.of(table, Clock.systemUTC()));

    Follow f = (Follow) byTable.decide(post(FORM), redirect(302, "/x"), List.of());

    assertThat(f.method()).isEqualTo("POST");
    assertThat(f.keepsBody()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"200", "404", "304", "503", "999"})
  void stopsWhenTheResponseIsNoRedirect(int status) {
    Stop s = stop(follower.decide(post(FORM), ResponseView.of(status), List.of()));

    assertThat(s.reason()).isEqualTo(StopReason.NOT_A_REDIRECT);
    assertThat(s.isFollow()).isFalse();
  }

  @Test
  void stopsOnAMissingLocation() {
    Stop s = stop(follower.decide(post(FORM), ResponseView.of(302), List.of()));

    assertThat(s.reason()).isEqualTo(StopReason.LOCATION_MISSING);
  }

  @Test
  void stopsOnAnInvalidLocationWithoutQuotingIt() {
    Stop s = stop(follower.decide(post(FORM), redirect(302, "http://[x?token=s3cret"), List.of()));

    assertThat(s.reason()).isEqualTo(StopReason.LOCATION_INVALID);
    assertThat(s.explanation()).doesNotContain("s3cret");
  }

  @Test
  void refusesUseProxy() {
    Stop s = stop(follower.decide(post(FORM), redirect(305, "http://proxy.example/"), List.of()));

    assertThat(s.reason()).isEqualTo(StopReason.USE_PROXY_REFUSED);
    assertThat(s.spec()).isEqualTo("RFC 9110 §15.4.6");
  }

  @Test
  void refusesTheUnused306() {
    Stop s = stop(follower.decide(post(FORM), redirect(306, "/x"), List.of()));

    assertThat(s.reason()).isEqualTo(StopReason.REDIRECT_REFUSED);
  }

  @Test
  void refusesADowngradeByDefault() {
    Stop s = stop(follower.decide(post(FORM), redirect(302, "http://a.example/x?k=v"), List.of()));

    assertThat(s.reason()).isEqualTo(StopReason.DOWNGRADE_REFUSED);
    assertThat(s.explanation()).contains("http://a.example/x?k=*").doesNotContain("k=v");
  }

  @Test
  void stopsAtTheHopLimit() {
    List<Hop> twenty = new ArrayList<>();
    for (int i = 0; i < RedirectSettings.DEFAULT_MAX_HOPS; i++) {
      twenty.add(
          Hop.builder()
              .method("GET")
              .uri(URI.create("https://a.example/" + i))
              .status(302)
              .location("/" + (i + 1))
              .build());
    }
    RequestView get = RequestView.of("GET", URI.create("https://a.example/20"));

    Stop s = stop(follower.decide(get, redirect(302, "/21"), twenty));

    assertThat(s.reason()).isEqualTo(StopReason.TOO_MANY_HOPS);
    assertThat(follower.decide(get, redirect(302, "/21"), twenty.subList(0, 19)).isFollow())
        .isTrue();
  }

  @Test
  void followsNothingWithAZeroHopLimit() {
    RedirectFollower none =
        RedirectFollower.of(RedirectSettings.builder().maxHops(0).build(), Classifier.ofDefaults());

    assertThat(stop(none.decide(post(FORM), redirect(307, "/x"), List.of())).reason())
        .isEqualTo(StopReason.TOO_MANY_HOPS);
  }

  @Test
  void allowsOneReturnButStopsALoop() {
    URI a = URI.create("https://a.example/a");
    URI b = URI.create("https://a.example/b");
    RequestView atB = RequestView.of("GET", b);
    Hop aToB = Hop.builder().method("GET").uri(a).status(302).location("/b").build();
    Hop bToA = Hop.builder().method("GET").uri(b).status(302).location("/a").build();

    // a → b → a: coming back once is how a login flow ends
    assertThat(follower.decide(atB, redirect(302, "/a"), List.of(aToB)).isFollow()).isTrue();
    // a → b → a → b → a: the third visit to a is a loop
    Stop s = stop(follower.decide(atB, redirect(302, "/a#frag"), List.of(aToB, bToA, aToB)));
    assertThat(s.reason()).isEqualTo(StopReason.LOOP);
  }

  @Test
  void stopsWhenTheBodyToKeepCannotBeSentAgain() {
    RequestView oneShot = RequestView.of("POST", FORM, POSTED, true, false);

    assertThat(stop(follower.decide(oneShot, redirect(307, "/x"), List.of())).reason())
        .isEqualTo(StopReason.BODY_NOT_REPLAYABLE);
    assertThat(follower.decide(oneShot, redirect(303, "/x"), List.of()).isFollow()).isTrue();
  }

  @Test
  void settingsValidateAtOnceNamingTheParameter() {
    assertThatThrownBy(() -> RedirectSettings.builder().maxHops(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxHops");
    assertThatThrownBy(() -> RedirectSettings.builder().credentialHeaders("Authorization", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("credentialHeaders");
    assertThatThrownBy(() -> RedirectFollower.of(null, Classifier.ofDefaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("settings");
  }

  @Test
  void settingsRoundTripThroughTheirBuilder() {
    RedirectSettings s =
        RedirectSettings.builder()
            .maxHops(5)
            .allowHttpsDowngrade(true)
            .credentialHeaders("X-Key")
            .build();

    assertThat(s.toBuilder().build()).isEqualTo(s);
    assertThat(s.credentialHeaders()).contains("x-key");
    assertThat(RedirectSettings.ofDefaults().credentialHeaders())
        .containsExactlyInAnyOrder("Authorization", "Cookie", "Proxy-Authorization");
  }
}
