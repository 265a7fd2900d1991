package io.httptriage.follow;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Hop;
import io.httptriage.finding.Finding;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Why does my client still go to the old URL": permanent redirects a cache answered. */
class CacheHopAuditTest {
  private static final Duration THREE_DAYS = Duration.ofDays(3).plusHours(4);

  @ParameterizedTest(name = "[{index}] {0} from the cache: {1}")
  @CsvSource({"301, true", "308, true", "302, false", "307, false", "303, false"})
  void reportsAPermanentRedirectFollowedFromTheCache(int status, boolean reported) {
    List<Finding> findings =
        RedirectAudit.ofDefaults().audit(exchange(status, Optional.of(THREE_DAYS)));

    List<Finding> fromCache =
        findings.stream().filter(f -> f.kind() == Finding.Kind.REDIRECT_FROM_CACHE).toList();
    if (!reported) {
      assertThat(fromCache).isEmpty();
      return;
    }
    assertThat(fromCache)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
              assertThat(f.hopIndex()).isZero();
              assertThat(f.from()).hasValue("https://a.example/old");
              assertThat(f.to()).hasValue("https://a.example/new");
              assertThat(f.explanation())
                  .contains("followed from the cache, stored 3 d 4 h ago (Age 273600 s)");
              assertThat(f.spec()).startsWith("RFC 9111 §4");
            });
  }

  @Test
  void saysNothingOfAPermanentRedirectTheNetworkAnswered() {
    assertThat(RedirectAudit.ofDefaults().audit(exchange(301, Optional.empty()))).isEmpty();
  }

  @Test
  void keepsTheCacheAgeOnTheHop() {
    Hop hop = exchange(301, Optional.of(THREE_DAYS)).hops().get(0);
    assertThat(hop.servedFromCache()).isTrue();
    assertThat(hop.toBuilder().build()).isEqualTo(hop);
    assertThat(exchange(301, Optional.empty()).hops().get(0).servedFromCache()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0 s",
    "45, 45 s",
    "60, 1 min",
    "3725, 1 h 2 min",
    "86400, 1 d",
    "90061, 1 d 1 h",
    "2147483648, 24855 d 3 h"
  })
  void writesAnAgeAsAPersonWould(long seconds, String text) {
    assertThat(CacheCheck.readable(Duration.ofSeconds(seconds))).isEqualTo(text);
  }

  private static Exchange exchange(int status, Optional<Duration> cacheAge) {
    Hop redirect =
        Hop.builder()
            .method("GET")
            .uri(URI.create("https://a.example/old"))
            .headerNames(Set.of())
            .status(status)
            .location("/new")
            .cacheAge(cacheAge)
            .build();
    Hop answer =
        Hop.builder().method("GET").uri(URI.create("https://a.example/new")).status(200).build();
    return Exchange.of(List.of(redirect), answer, true);
  }
}
