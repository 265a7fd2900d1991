package io.httptriage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Headers;
import io.httptriage.exchange.ResponseView;
import io.httptriage.policy.Cacheability;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreshnessTest {
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
          .withZone(ZoneOffset.UTC);

  static String httpDate(Instant i) {
    return IMF_FIXDATE.format(i);
  }

  /**
   * RFC 9111 §4.2.3, term by term: request sent at 0, response received at {@code received}, Date
   * at {@code date} (blank: none), Age {@code age} (blank: none), now at {@code now}.
   */
  @ParameterizedTest(name = "[{index}] received {0}, Date {1}, Age {2}, now {3} → {4} s")
  @CsvSource(
      nullValues = "null",
      value = {
        // apparent_age = 10 - 4 = 6; corrected_age_value = 3 + 10 = 13; initial = 13; resident = 20
        "10, 4,    3,    30, 33",
        // the response delay is added to Age, not to the apparent age
        "10, 0,    1,    10, 11",
        "10, 0,    null, 10, 10",
        // the apparent age wins over a smaller corrected Age
        "2,  -100, 5,    2,  102",
        // a Date in the future (clock skew) never makes the age negative
        "2,  500,  null, 2,  2",
        // no Date: the receipt time stands in, the apparent age is 0
        "2,  null, null, 62, 62",
        // now before the receipt (a clock stepped back): no negative resident time
        "2,  2,    null, -50, 2",
      })
  void computesTheCurrentAgeAsRfc9111Section423(
      long received, Long date, Long age, long now, long expectedSeconds) {
    Headers h =
        headers(
            date == null ? null : httpDate(T0.plusSeconds(date)),
            age == null ? null : String.valueOf(age));
    Duration a =
        Freshness.currentAge(
            ResponseView.of(200, h),
            T0,
            T0.plusSeconds(received),
            T0.plusSeconds(now),
            new ArrayList<>());
    assertThat(a).isEqualTo(Duration.ofSeconds(expectedSeconds));
  }

  @Test
  void ignoresAnInvalidAgeAndSaysWhy() {
    List<String> problems = new ArrayList<>();
    Duration a =
        Freshness.currentAge(
            ResponseView.of(200, headers(null, "-5")), T0, T0, T0.plusSeconds(7), problems);
    assertThat(a).isEqualTo(Duration.ofSeconds(7));
    assertThat(problems).singleElement().asString().contains("Age '-5'");
  }

  @Test
  void takesAnAgePast2To31AsExactly2To31() {
    Duration a =
        Freshness.currentAge(
            ResponseView.of(200, headers(null, "99999999999999")),
            T0,
            T0,
            T0.plusSeconds(100),
            new ArrayList<>());
    assertThat(a).isEqualTo(Duration.ofSeconds(1L << 31));
  }

  /** RFC 9111 §4.2.1 and §4.2.2, for a private cache; times in seconds after the Date. */
  @ParameterizedTest(name = "[{index}] {0} / Expires {1} / Last-Modified {2} / {3} → {4} s")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "max-age=60                  | null  | null   | EXPLICIT_ONLY | 60",
        // max-age wins over Expires
        "max-age=60                  | 3600  | null   | EXPLICIT_ONLY | 60",
        // a private cache ignores s-maxage
        "s-maxage=600                | null  | null   | EXPLICIT_ONLY | 0",
        "null                        | 3600  | null   | EXPLICIT_ONLY | 3600",
        // an Expires before the Date: expired
        "null                        | -10   | null   | HEURISTIC     | 0",
        // 10% of the time since Last-Modified, only where heuristics are allowed
        "null                        | null  | -1000  | HEURISTIC     | 100",
        "null                        | null  | -1000  | EXPLICIT_ONLY | 0",
        "public                      | null  | -1000  | EXPLICIT_ONLY | 100",
        "null                        | null  | null   | HEURISTIC     | 0",
        // an explicit lifetime forbids the heuristic (§4.2.2)
        "max-age=5                   | null  | -1000  | HEURISTIC     | 5",
        // invalid max-age: stale, whatever else says (§4.2.1)
        "max-age=abc                 | 3600  | -1000  | HEURISTIC     | 0",
      })
  void computesTheFreshnessLifetime(
      String cacheControl, Long expires, Long lastModified, Cacheability c, long expected) {
    List<String> h = new ArrayList<>(List.of("Date", httpDate(T0)));
    if (cacheControl != null) {
      h.addAll(List.of("Cache-Control", cacheControl));
    }
    if (expires != null) {
      h.addAll(List.of("Expires", httpDate(T0.plusSeconds(expires))));
    }
    if (lastModified != null) {
      h.addAll(List.of("Last-Modified", httpDate(T0.plusSeconds(lastModified))));
    }
    ResponseView stored = ResponseView.of(200, Headers.of(h.toArray(String[]::new)));
    CacheControl cc = CacheControl.parse(stored.headers("Cache-Control"));
    assertThat(Freshness.lifetime(stored, cc, T0, c, new ArrayList<>()))
        .isEqualTo(Duration.ofSeconds(expected));
  }

  @Test
  void takesAnInvalidExpiresAsThePast() {
    ResponseView stored = ResponseView.of(200, Headers.of("Expires", "0"));
    List<String> problems = new ArrayList<>();
    assertThat(
            Freshness.lifetime(
                stored, CacheControl.parse(List.of()), T0, Cacheability.HEURISTIC, problems))
        .isZero();
    assertThat(problems).singleElement().asString().contains("RFC 9111 §5.3");
  }

  private static Headers headers(String date, String age) {
    List<String> h = new ArrayList<>();
    if (date != null) {
      h.addAll(List.of("Date", date));
    }
    if (age != null) {
      h.addAll(List.of("Age", age));
    }
    return Headers.of(h.toArray(String[]::new));
  }
}
