package io.httptriage.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConformanceLintTest {
  private final ConformanceLint lint = ConformanceLint.ofDefaults();

  /** One "Name: value" field, or none. */
  private static Headers headers(String field) {
    if (field == null) {
      return Headers.empty();
    }
    String[] parts = field.split(":", 2);
    return Headers.of(parts[0].strip(), parts[1].strip());
  }

  private List<String> summary(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.kind() + " " + f.severity() + " " + f.spec())
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0} with [{1}]")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "401 | -                                 | REQUIRED_HEADER_MISSING VIOLATION RFC 9110 §15.5.2",
        "407 | -                                 | REQUIRED_HEADER_MISSING VIOLATION RFC 9110 §15.5.8",
        "405 | -                                 | REQUIRED_HEADER_MISSING VIOLATION RFC 9110 §15.5.6",
        "101 | -                                 | REQUIRED_HEADER_MISSING VIOLATION RFC 9110 §15.2.2",
        "426 | -                                 | REQUIRED_HEADER_MISSING VIOLATION RFC 9110 §15.5.22",
        "206 | Content-Type: text/plain          | REQUIRED_HEADER_MISSING VIOLATION RFC 9110 §15.3.7.1",
        "301 | -                                 | LOCATION_MISSING VIOLATION RFC 9110 §15.4.2",
        "302 | Location:                         | LOCATION_MISSING VIOLATION RFC 9110 §15.4.3",
        "303 | -                                 | LOCATION_MISSING VIOLATION RFC 9110 §15.4.4",
        "307 | -                                 | LOCATION_MISSING VIOLATION RFC 9110 §15.4.8",
        "308 | -                                 | LOCATION_MISSING VIOLATION RFC 9110 §15.4.9",
        "416 | -                                 | RECOMMENDED_HEADER_MISSING WARNING RFC 9110 §15.5.17",
      })
  void reportsAMissingHeaderField(int status, String headers, String expected) {
    assertThat(summary(lint.lint(ResponseView.of(status, headers(headers)))))
        .containsExactly(expected);
  }

  @ParameterizedTest(name = "{0} with [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "401 | WWW-Authenticate: Bearer realm=\"api\"",
        "407 | Proxy-Authenticate: Basic",
        "405 | Allow: GET, HEAD",
        "101 | Upgrade: websocket",
        "426 | Upgrade: HTTP/2.0",
        "206 | Content-Range: bytes 0-9/100",
        "206 | Content-Type: multipart/byteranges; boundary=THIS_STRING",
        "206 | Content-Type: Multipart/ByteRanges",
        "302 | Location: /next",
        "416 | Content-Range: bytes */47022",
        "300 | Content-Type: text/html",
        "304 | Content-Length: 1234",
        "429 | Content-Type: text/plain",
        "413 | Content-Type: text/plain",
        "200 | Content-Length: 10",
      })
  void acceptsAResponseThatCarriesWhatItsCodeAsksFor(int status, String headers) {
    assertThat(lint.lint(ResponseView.of(status, headers(headers)))).isEmpty();
  }

  @ParameterizedTest(name = "{0} with [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "204 | Transfer-Encoding: chunked | CONTENT_NOT_ALLOWED VIOLATION RFC 9110 §15.3.5",
        "205 | Content-Length: 7          | CONTENT_NOT_ALLOWED VIOLATION RFC 9110 §15.3.6",
        "204 | Content-Length: 5          | CONTENT_NOT_ALLOWED VIOLATION RFC 9110 §15.3.5;CONTENT_LENGTH_NOT_ALLOWED VIOLATION RFC 9110 §8.6",
        "204 | Content-Length: 0          | CONTENT_LENGTH_NOT_ALLOWED WARNING RFC 9110 §8.6",
        "103 | Content-Length: 0          | CONTENT_LENGTH_NOT_ALLOWED WARNING RFC 9110 §8.6",
        "100 | Transfer-Encoding: chunked | CONTENT_NOT_ALLOWED VIOLATION RFC 9110 §15.2",
      })
  void reportsContentWhereNoneMayBe(int status, String headers, String expected) {
    assertThat(summary(lint.lint(ResponseView.of(status, headers(headers)))))
        .containsExactly(expected.split(";"));
  }

  @Test
  void trustsAViewThatMeasuredContentOnA304() {
    ResponseView measured =
        new ResponseView() {
          @Override
          public int status() {
            return 304;
          }

          @Override
          public java.util.Optional<String> header(String name) {
            return java.util.Optional.empty();
          }

          @Override
          public boolean hasContent() {
            return true;
          }
        };

    assertThat(summary(lint.lint(measured)))
        .containsExactly("CONTENT_NOT_ALLOWED VIOLATION RFC 9110 §15.4.5");
  }

  @Test
  void doesNotJudgeContentOfAResponseToHead() {
    RequestView head = RequestView.of("HEAD", URI.create("https://a.example/"));

    assertThat(lint.lint(head, ResponseView.of(204, Headers.of("Transfer-Encoding", "chunked"))))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "102        | DEPRECATED_STATUS WARNING RFC 2518 §10.1",
        "305        | DEPRECATED_STATUS WARNING RFC 9110 §15.4.6",
        "510        | DEPRECATED_STATUS WARNING RFC 2774 §7",
        "306        | UNUSED_STATUS WARNING RFC 9110 §15.4.7",
        "418        | UNUSED_STATUS WARNING RFC 9110 §15.5.19",
        "499        | UNOFFICIAL_STATUS INFO nginx src/http/ngx_http_request.h",
        "299        | UNKNOWN_STATUS WARNING RFC 9110 §15",
        "0          | INVALID_STATUS VIOLATION RFC 9110 §15",
        "99         | INVALID_STATUS VIOLATION RFC 9110 §15",
        "600        | INVALID_STATUS VIOLATION RFC 9110 §15",
        "999        | INVALID_STATUS VIOLATION RFC 9110 §15",
        "-2147483648 | INVALID_STATUS VIOLATION RFC 9110 §15",
        "2147483647 | INVALID_STATUS VIOLATION RFC 9110 §15",
      })
  void reportsCodesThatShouldNotBeSeen(int status, String expected) {
    assertThat(summary(lint.lint(ResponseView.of(status)))).containsExactly(expected);
  }

  @ParameterizedTest
  @CsvSource({"100", "199", "200", "201", "299", "404", "500", "503", "599"})
  void neverThrowsAndReportsOnlyStandingForPlainCodes(int status) {
    assertThat(lint.lint(ResponseView.of(status)))
        .allSatisfy(f -> assertThat(f.kind()).isIn(Kind.UNKNOWN_STATUS, Kind.INVALID_STATUS));
  }

  @Test
  void namesTheExpectedMediaTypeWhenA206HasNeither() {
    Finding f = lint.lint(ResponseView.of(206)).get(0);

    assertThat(f.explanation())
        .isEqualTo("206 Partial Content lacks Content-Range (and is not multipart/byteranges)");
  }

  @Test
  void reportsTheRequestUriRedactedAndTheFinalHop() {
    RequestView get = RequestView.of("GET", URI.create("https://u:p@a.example/me?token=t0k"));

    Finding f = lint.lint(get, ResponseView.of(401)).get(0);

    assertThat(f.from()).contains("https://a.example/me?token=*");
    assertThat(f.to()).isEmpty();
    assertThat(f.hopIndex()).isEqualTo(Finding.FINAL);
  }

  @ParameterizedTest(name = "{0} {1} key [{2}] Link [{3}]: {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "POST  | 422 | \"k\" | -                                        | IDEMPOTENCY_KEY_REUSED",
        "PATCH | 422 | \"k\" | -                                        | IDEMPOTENCY_KEY_REUSED",
        "POST  | 422 | -     | -                                        | -",
        "POST  | 422 | ' '   | -                                        | -",
        "POST  | 400 | -     | <https://dev.example/Idempotency>; rel=x | IDEMPOTENCY_KEY_REQUIRED",
        "PUT   | 400 | -     | <https://dev.example/idempotency>        | IDEMPOTENCY_KEY_REQUIRED",
        "POST  | 400 | \"k\" | <https://dev.example/idempotency>        | -",
        "POST  | 400 | -     | <https://dev.example/help>               | -",
        "POST  | 400 | -     | -                                        | -",
        "POST  | 409 | \"k\" | <https://dev.example/idempotency>        | -",
        "POST  | 200 | \"k\" | -                                        | -",
      })
  void reportsWhatTheAnswerSaysOfTheIdempotencyKey(
      String method, int status, String key, String link, Kind expected) {
    Headers sent = key == null ? Headers.empty() : Headers.of("Idempotency-Key", key);
    RequestView request =
        RequestView.of(method, URI.create("https://a.example/orders"), sent, true, true);
    ResponseView response =
        ResponseView.of(status, link == null ? Headers.empty() : Headers.of("Link", link));

    List<Finding> found = lint.lint(request, response);

    if (expected == null) {
      assertThat(found).isEmpty();
    } else {
      assertThat(found).extracting(Finding::kind).containsExactly(expected);
      assertThat(found.get(0).severity()).isEqualTo(Finding.Severity.WARNING);
      assertThat(found.get(0).spec()).isEqualTo("draft-ietf-httpapi-idempotency-key-header §2.7");
    }
    assertThat(lint.findsNothingFor(status)).isEqualTo(status != 400 && status != 422);
  }

  @Test
  void aCleanResponseAllocatesNoList() {
    assertThat(lint.lint(ResponseView.of(200))).isSameAs(List.of());
  }
}
