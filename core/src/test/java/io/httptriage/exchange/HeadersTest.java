package io.httptriage.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeadersTest {

  /**
   * Regression: copyOf asked the lists contains(null), which immutable lists answer with an NPE.
   */
  @Test
  void copyOfAcceptsTheImmutableListsOfJdkHttpHeaders() {
    HttpHeaders jdk = HttpHeaders.of(Map.of("Retry-After", List.of("5")), (name, value) -> true);

    Headers headers = Headers.copyOf(jdk.map());

    assertThat(headers.first("retry-after")).contains("5");
    assertThat(Headers.copyOf(Map.of("A", List.of("1", "2"))).all("a")).containsExactly("1", "2");
  }

  @Test
  void copyOfStillRefusesANullValueNamingTheField() {
    List<String> values = new ArrayList<>(Arrays.asList("1", null));

    assertThatThrownBy(() -> Headers.copyOf(Map.of("A", values)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("map: null name or value under A");
  }
}
