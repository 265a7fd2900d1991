package io.httptriage.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExchangeTest {

  private static Hop hop(String path, int status) {
    return Hop.builder()
        .method("GET")
        .uri(URI.create("https://a.example" + path))
        .status(status)
        .location(path + "/next")
        .build();
  }

  @Test
  void walkingAChainBackFromTheNewestGivesHopsOldestFirst() {
    Hop first = hop("/1", 302);
    Hop second = hop("/2", 302);
    Hop last = hop("/3", 200);

    Exchange exchange =
        Exchange.builder().finalHop(last).earlierHop(second).earlierHop(first).build();

    assertThat(exchange.hops()).containsExactly(first, second);
    assertThat(exchange.allHops()).containsExactly(first, second, last);
    assertThat(exchange.firstHop()).isEqualTo(first);
    assertThat(exchange.hop(-1)).contains(last);
    assertThat(exchange.hop(1)).contains(second);
    assertThat(exchange.hop(2)).isEmpty();
    assertThat(exchange.followsRedirects()).isTrue();
  }

  @Test
  void appendingGivesTheSameExchangeAsWalkingBack() {
    Hop first = hop("/1", 307);
    Hop last = hop("/2", 200);

    Exchange appended =
        Exchange.builder().hop(first).finalHop(last).followsRedirects(false).build();

    assertThat(appended).isEqualTo(Exchange.of(List.of(first), last, false));
    assertThat(appended.toBuilder().build()).isEqualTo(appended);
    assertThat(appended.toString()).isEqualTo("Exchange[GET 307, GET 200; not following]");
  }

  @Test
  void aSingleRequestIsItsOwnFirstAndFinalHop() {
    Hop only = hop("/", 200);

    Exchange exchange = Exchange.single(only);

    assertThat(exchange.hops()).isEmpty();
    assertThat(exchange.firstHop()).isSameAs(exchange.finalHop());
  }

  @Test
  void requiresTheFinalHop() {
    assertThatThrownBy(() -> Exchange.builder().hop(hop("/", 302)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("finalHop");
    assertThatThrownBy(() -> Exchange.builder().hop(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("hop");
  }
}
