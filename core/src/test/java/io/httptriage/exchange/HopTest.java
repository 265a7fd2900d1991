package io.httptriage.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HopTest {
  private static final URI ORDERS = URI.create("https://api.example/orders");

  @Test
  void takesRequestAndResponseFromTheViews() {
    RequestView request =
        RequestView.of(
            "POST",
            ORDERS,
            Headers.of("Authorization", "Bearer s3cret", "Content-Type", "application/json"),
            true,
            true);
    ResponseView response = ResponseView.of(302, Headers.of("Location", "/orders/42"));

    Hop hop = Hop.of(request, response);

    assertThat(hop.method()).isEqualTo("POST");
    assertThat(hop.uri()).isEqualTo(ORDERS);
    assertThat(hop.bodySent()).isTrue();
    assertThat(hop.status()).isEqualTo(302);
    assertThat(hop.location()).contains("/orders/42");
    assertThat(hop.resolvedLocation()).contains(URI.create("https://api.example/orders/42"));
    assertThat(hop.sentHeader("authorization")).isTrue();
    assertThat(hop.toString()).doesNotContain("s3cret");
  }

  @Test
  void probesTheInspectedFieldsOfAViewThatCannotListItsOwn() {
    RequestView plain =
        RequestView.of("GET", ORDERS, Headers.of("Cookie", "a=1", "X-Trace", "t"), false, true);
    RequestView opaque =
        new RequestView() {
          @Override
          public String method() {
            return plain.method();
          }

          @Override
          public URI uri() {
            return plain.uri();
          }

          @Override
          public Optional<String> header(String name) {
            return plain.header(name);
          }

          @Override
          public boolean hasBody() {
            return false;
          }

          @Override
          public boolean bodyReplayable() {
            return true;
          }
        };

    assertThat(plain.headerNames()).containsExactlyInAnyOrder("Cookie", "X-Trace");
    assertThat(opaque.headerNames()).containsExactly("Cookie");
  }

  @Test
  void matchesHeaderNamesCaseInsensitively() {
    Hop hop =
        Hop.builder()
            .method("GET")
            .uri(ORDERS)
            .headerNames(List.of("PROXY-AUTHORIZATION"))
            .status(200)
            .build();

    assertThat(hop.sentHeader("Proxy-Authorization")).isTrue();
    assertThat(hop.headerNames()).containsExactly("PROXY-AUTHORIZATION");
    assertThat(hop.hasLocation()).isFalse();
    assertThat(hop.resolvedLocation()).isEmpty();
  }

  @Test
  void roundTripsThroughItsBuilder() {
    Hop hop =
        Hop.builder()
            .method("PUT")
            .uri(ORDERS)
            .headerNames(List.of("A", "b"))
            .bodySent(true)
            .status(307)
            .location("https://eu.api.example/orders")
            .build();

    assertThat(hop.toBuilder().build()).isEqualTo(hop);
    assertThat(hop.toBuilder().status(308).build().status()).isEqualTo(308);
  }

  @Test
  void emptyLocationResolvesToTheRequestUriInsteadOfCountingAsMissing() {
    Hop hop = Hop.builder().method("GET").uri(ORDERS).status(302).location("  ").build();

    assertThat(hop.hasLocation()).isTrue();
    assertThat(hop.resolvedLocation()).contains(ORDERS);
    assertThat(Hop.builder().method("GET").uri(ORDERS).status(302).build().hasLocation()).isFalse();
  }

  @Test
  void buildersNameTheMissingOrBadParameter() {
    assertThatThrownBy(() -> Hop.builder().uri(ORDERS).status(200).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("method");
    assertThatThrownBy(() -> Hop.builder().method("GET").status(200).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("uri");
    assertThatThrownBy(() -> Hop.builder().method("GET").uri(ORDERS).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("status");
    assertThatThrownBy(() -> Hop.builder().method(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("method");
    assertThatThrownBy(() -> Hop.builder().headerNames(java.util.Arrays.asList("A", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("headerNames");
  }
}
