package io.httptriage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.classify.PolicyLookup;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.policy.Cacheability;
import io.httptriage.policy.PolicyTable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 5861 §4 and RFC 9111 §4.2 as a table. The stored response was requested and received at T0
 * with {@code Date: T0}; the origin fails {@code elapsed} seconds later.
 */
class StaleIfErrorTest {
  static final Instant T0 = FreshnessTest.T0;
  static final URI URI_ = URI.create("https://api.example/items");

  @ParameterizedTest(name = "[{index}] {0} {1} req[{2}] res[{3}] +{6}s → {7}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // method|status|request CC|response CC|Age|Last-Modified|elapsed|allowed|reason says
        // within the window, its last second included; not a second after
        "GET |200|null|max-age=60, stale-if-error=300        |null|null |60  |true |within the response's stale-if-error=300",
        "GET |200|null|max-age=60, stale-if-error=300        |null|null |360 |true |stale for 300 s",
        "GET |200|null|max-age=60, stale-if-error=300        |null|null |361 |false|beyond the response's",
        "HEAD|200|null|max-age=60, stale-if-error=300        |null|null |100 |true |within",
        // a POST is never answered from a cache
        "POST|200|null|max-age=60, stale-if-error=300        |null|null |100 |false|a POST is never",
        "PUT |200|null|max-age=60, stale-if-error=300        |null|null |100 |false|a PUT is never",
        // RFC 9111 §5.2.2: directives that forbid serving stale
        "GET |200|null|max-age=60, stale-if-error=300, must-revalidate |null|null|100|false|must-revalidate",
        "GET |200|null|max-age=60, stale-if-error=300, proxy-revalidate|null|null|100|false|proxy-revalidate",
        "GET |200|null|max-age=60, stale-if-error=300, no-cache        |null|null|100|false|no-cache",
        "GET |200|null|'max-age=60, stale-if-error=300, no-cache=\"Set-Cookie\"'|null|null|100|false|no-cache",
        "GET |200|null|max-age=60, stale-if-error=300, no-store        |null|null|100|false|no-store",
        "GET |200|null|max-age=60, stale-if-error=300, Must-Revalidate |null|null|100|false|must-revalidate",
        // the request's directives: its own window replaces the response's; no-cache refuses
        "GET |200|stale-if-error=10 |max-age=60, stale-if-error=300|null|null|100|false|beyond the request's stale-if-error=10",
        "GET |200|stale-if-error=600|max-age=60                    |null|null|500|true |within the request's stale-if-error=600",
        "GET |200|stale-if-error=x  |max-age=60, stale-if-error=300|null|null|100|true |within the response's",
        "GET |200|no-cache          |max-age=60, stale-if-error=300|null|null|100|false|the request says no-cache",
        "GET |200|no-store          |max-age=60, stale-if-error=300|null|null|100|false|the request says no-store",
        // no window, or a malformed one: nothing is served
        "GET |200|null|max-age=60                            |null|null |100 |false|no stale-if-error directive",
        "GET |200|null|max-age=60, stale-if-error=abc        |null|null |100 |false|no stale-if-error directive",
        "GET |200|null|max-age=60, stale-if-error            |null|null |100 |false|no stale-if-error directive",
        "GET |200|null|null                                  |null|null |100 |false|no stale-if-error directive",
        // tolerant of real-world spellings
        "GET |200|null|'max-age=60, stale-if-error=\"300\"'  |null|null |200 |true |within",
        "GET |200|null|MAX-AGE=60,STALE-IF-ERROR=300         |null|null |200 |true |within",
        "GET |200|null|max-age=60, stale-if-error=99999999999999999999|null|null|1000000000|true|stale-if-error=2147483648",
        // the Age field counts (RFC 9111 §4.2.3)
        "GET |200|null|max-age=60, stale-if-error=100        |100 |null |0   |true |stale for 40 s",
        "GET |200|null|max-age=60, stale-if-error=100        |200 |null |0   |false|stale for 140 s",
        // an invalid max-age makes the response stale from the start (RFC 9111 §4.2.1)
        "GET |200|null|max-age=abc, stale-if-error=100       |null|null |50  |true |stale for 50 s",
        "GET |200|null|max-age=abc, stale-if-error=100       |null|null |150 |false|stale for 150 s",
        // heuristic freshness where the policy allows it: 10% of 1000 s
        "GET |200|null|stale-if-error=50                     |null|-1000|140 |true |stale for 40 s",
        "GET |200|null|stale-if-error=50                     |null|-1000|151 |false|stale for 51 s",
        "GET |500|null|stale-if-error=50                     |null|-1000|60  |false|stale for 60 s",
        // a status that must never be stored
        "GET |429|null|max-age=60, stale-if-error=300        |null|null |100 |false|NEVER_STORE",
      })
  void followsRfc5861AndRfc9111(
      String method,
      int status,
      String requestCc,
      String responseCc,
      Long age,
      Long lastModified,
      long elapsed,
      boolean allowed,
      String reason) {
    StaleIfError s = evaluate(method, status, requestCc, responseCc, age, lastModified, elapsed);
    assertThat(s.allowed()).as(s.reason()).isEqualTo(allowed);
    assertThat(s.reason()).contains(reason);
  }

  @Test
  void reportsTheAgeTheLifetimeAndTheWindow() {
    StaleIfError s = evaluate("GET", 200, null, "max-age=60, stale-if-error=300", null, null, 90);
    assertThat(s.age()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.freshnessLifetime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.staleness()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.window()).hasValue(Duration.ofSeconds(300));
    assertThat(s.ignored()).isEmpty();
  }

  @Test
  void saysWhichPartsOfTheFieldsItIgnored() {
    StaleIfError s =
        evaluate("GET", 200, "max-age=x", "max-age=60, stale-if-error=-3", null, null, 90);
    assertThat(s.allowed()).isFalse();
    assertThat(s.ignored()).hasSize(2).allSatisfy(p -> assertThat(p).contains("ignored"));
  }

  @ParameterizedTest
  @CsvSource({
    "499,false",
    "500,true",
    "501,false",
    "502,true",
    "503,true",
    "504,true",
    "505,false",
    "200,false",
    "0,false",
    "-1,false",
    "2147483647,false"
  })
  void coversTheStatusesRfc5861CallsAnError(int status, boolean covered) {
    assertThat(StaleIfError.coversStatus(status)).isEqualTo(covered);
  }

  @ParameterizedTest
  @CsvSource({
    "GET,503,true",
    "HEAD,500,true",
    "GET,200,false",
    "GET,501,false",
    "POST,503,false",
    "get,503,false",
    "DELETE,504,false"
  })
  void looksUpAStoredResponseOnlyForAReusableMethodAndAnError(
      String method, int status, boolean worth) {
    assertThat(StaleIfError.worthLookingUp(method, status)).isEqualTo(worth);
  }

  static StaleIfError evaluate(
      String method,
      int status,
      String requestCc,
      String responseCc,
      Long age,
      Long lastModified,
      long elapsed) {
    List<String> h = new ArrayList<>(List.of("Date", FreshnessTest.httpDate(T0)));
    if (responseCc != null) {
      h.addAll(List.of("Cache-Control", responseCc));
    }
    if (age != null) {
      h.addAll(List.of("Age", String.valueOf(age)));
    }
    if (lastModified != null) {
      h.addAll(List.of("Last-Modified", FreshnessTest.httpDate(T0.plusSeconds(lastModified))));
    }
    RequestView request =
        RequestView.of(
            method.strip(),
            URI_,
            requestCc == null ? Headers.empty() : Headers.of("Cache-Control", requestCc),
            false,
            true);
    ResponseView stored = ResponseView.of(status, Headers.of(h.toArray(String[]::new)));
    Cacheability c = PolicyLookup.policyFor(PolicyTable.ofDefaults(), status).cacheability();
    return StaleIfError.evaluate(
        request, new StoredResponse(stored, T0, T0), c, T0.plusSeconds(elapsed));
  }
}
