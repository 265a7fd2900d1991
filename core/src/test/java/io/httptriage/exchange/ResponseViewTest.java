package io.httptriage.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseViewTest {

  @ParameterizedTest
  @CsvSource({
    "200, Content-Length,    12,      true",
    "200, Content-Length,    0,       false",
    "200, Transfer-Encoding, chunked, true",
    "204, Content-Length,    5,       true",
    "200, Content-Length,    junk,    false",
    "304, Content-Length,    1234,    false",
    "304, Transfer-Encoding, chunked, false",
    "200, X-None,            x,       false",
  })
  void infersContentFromTheFramingHeaders(int status, String field, String value, boolean content) {
    assertThat(ResponseView.of(status, Headers.of(field, value)).hasContent()).isEqualTo(content);
  }
}
