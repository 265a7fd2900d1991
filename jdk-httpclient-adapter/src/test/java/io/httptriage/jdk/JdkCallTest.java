package io.httptriage.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.follow.FollowDecision;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The follow-up request the adapter builds from core's plan in POLICY mode. */
class JdkCallTest {
  private static final URI FIRST = URI.create("http://127.0.0.1:8080/orders");
  private static final URI NEXT = URI.create("http://127.0.0.1:9090/orders/7");

  private final JdkCall<String> call = new JdkCall<>(false);
  private final BodyPublisher body = BodyPublishers.ofString("{\"n\":7}");
  private final HttpRequest post =
      HttpRequest.newBuilder(FIRST)
          .POST(body)
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer t")
          .header("X-Trace", "abc")
          .timeout(Duration.ofSeconds(3))
          .expectContinue(true)
          .build();

  private static FollowDecision.Follow plan(String method, boolean keepsBody, String... removed) {
    return new FollowDecision.Follow(
        303, method, NEXT, keepsBody, Set.of(removed), Optional.empty());
  }

  @Test
  void seeOtherBecomesABodylessGetWithoutTheRemovedFields() {
    HttpRequest next = call.followUp(post, plan("GET", false, "content-type", "AUTHORIZATION"));

    assertThat(next.method()).isEqualTo("GET");
    assertThat(next.uri()).isEqualTo(NEXT);
    assertThat(next.bodyPublisher()).isEmpty();
    assertThat(next.headers().map()).containsOnlyKeys("X-Trace");
  }

  @Test
  void keptBodyIsTheSamePublisher() {
    HttpRequest next = call.followUp(post, plan("POST", true));

    assertThat(next.method()).isEqualTo("POST");
    assertThat(next.bodyPublisher()).containsSame(body);
    assertThat(next.headers().map()).containsOnlyKeys("Content-Type", "Authorization", "X-Trace");
  }

  @Test
  void timeoutAndExpectContinueCarryOver() {
    HttpRequest next = call.followUp(post, plan("GET", false));

    assertThat(next.timeout()).contains(Duration.ofSeconds(3));
    assertThat(next.expectContinue()).isTrue();
  }

  @Test
  void droppedBodyOfAnotherMethodIsSentEmpty() {
    HttpRequest next = call.followUp(post, plan("PUT", false));

    assertThat(next.method()).isEqualTo("PUT");
    assertThat(next.bodyPublisher())
        .hasValueSatisfying(p -> assertThat(p.contentLength()).isZero());
    assertThat(new JdkRequestView(next).hasBody()).isFalse();
  }

  @Test
  void deleteStaysWithoutPublisher() {
    HttpRequest next = call.followUp(post, plan("DELETE", false));

    assertThat(next.method()).isEqualTo("DELETE");
    assertThat(next.bodyPublisher()).isEmpty();
  }
}
