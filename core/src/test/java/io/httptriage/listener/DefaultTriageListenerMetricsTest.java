package io.httptriage.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.classify.Verdict;
import io.httptriage.contract.ManualClock;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import io.httptriage.status.StatusRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultTriageListenerMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DefaultTriageListener listener =
      DefaultTriageListener.builder().meterRegistry(registry).clock(new ManualClock()).build();

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void countsTheFinalStatusClassAndVerdictOfEachExchange() {
    Events.complete(listener, 200, Verdicts.ACCEPT, List.of());
    Events.complete(listener, 200, Verdicts.ACCEPT, List.of());
    Events.complete(listener, 503, Verdicts.RETRY, List.of());

    assertThat(count("httptriage.responses", "code", "200", "class", "2xx", "verdict", "ACCEPT"))
        .isEqualTo(2);
    assertThat(count("httptriage.responses", "code", "503", "class", "5xx", "verdict", "RETRY"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "299,  unknown, 2xx",
    "499,  499,     4xx",
    "520,  520,     5xx",
    "0,    invalid, invalid",
    "600,  invalid, invalid",
    "-1,   invalid, invalid",
    "2147483647, invalid, invalid",
  })
  void collapsesUnknownAndInvalidCodes(int status, String code, String statusClass) {
    Events.complete(listener, status, Verdicts.FAIL, List.of());

    assertThat(count("httptriage.responses", "code", code, "class", statusClass)).isEqualTo(1);
  }

  @Test
  void countsRetryDecisionsByOutcomeAndCode() {
    Events.decided(listener, Outcome.RETRY_SCHEDULED, 503, "GET");
    Events.decided(listener, Outcome.RETRY_SCHEDULED, 503, "GET");
    Events.decided(listener, Outcome.GAVE_UP_ATTEMPTS, 429, "POST");

    assertThat(count("httptriage.retries", "outcome", "RETRY_SCHEDULED", "code", "503"))
        .isEqualTo(2);
    assertThat(count("httptriage.retries", "outcome", "GAVE_UP_ATTEMPTS", "code", "429"))
        .isEqualTo(1);
  }

  @Test
  void countsFindingsByKindAndSeverityUnderTheirCheck() {
    Events.complete(
        listener,
        200,
        Verdicts.ACCEPT,
        List.of(
            Findings.at("https://a.example/", Kind.METHOD_REWRITTEN, Severity.WARNING),
            Findings.at("https://a.example/", Kind.CREDENTIALS_CROSS_ORIGIN, Severity.SECURITY),
            new Finding(
                Kind.CONTENT_LENGTH_NOT_ALLOWED,
                Severity.WARNING,
                Finding.FINAL,
                Optional.empty(),
                Optional.empty(),
                "204 No Content carries Content-Length",
                "RFC 9110 §8.6")));

    assertThat(
            count(
                "httptriage.redirect.findings", "kind", "METHOD_REWRITTEN", "severity", "WARNING"))
        .isEqualTo(1);
    assertThat(
            count(
                "httptriage.redirect.findings",
                "kind",
                "CREDENTIALS_CROSS_ORIGIN",
                "severity",
                "SECURITY"))
        .isEqualTo(1);
    assertThat(
            count(
                "httptriage.conformance.findings",
                "kind",
                "CONTENT_LENGTH_NOT_ALLOWED",
                "severity",
                "WARNING"))
        .isEqualTo(1);
  }

  @Test
  void keepsCardinalityBoundedWhateverTheTraffic() {
    int known = StatusRegistry.all().size();
    for (int status = -1000; status <= 2000; status++) {
      String url = "https://host" + status + ".example/path/" + status + "?id=" + status;
      Events.complete(
          listener,
          status,
          Verdicts.of(Verdict.Kind.values()[Math.floorMod(status, 4)]),
          List.of(
              Findings.at(
                  url,
                  Kind.values()[Math.floorMod(status, Kind.values().length)],
                  Severity.values()[Math.floorMod(status, 4)])));
      Events.decided(
          listener,
          Outcome.values()[Math.floorMod(status, Outcome.values().length)],
          status,
          "M" + status);
    }

    List<Meter> meters = registry.getMeters();
    long responses =
        meters.stream().filter(m -> m.getId().getName().equals("httptriage.responses")).count();
    long retries =
        meters.stream().filter(m -> m.getId().getName().equals("httptriage.retries")).count();
    long findings = meters.stream().filter(m -> m.getId().getName().endsWith(".findings")).count();
    // code is a known code, "unknown" (one per class) or "invalid"; 4 verdicts
    assertThat(responses).isLessThanOrEqualTo((known + 5 + 1) * 4L);
    assertThat(retries).isLessThanOrEqualTo((long) Outcome.values().length * (known + 2));
    assertThat(findings)
        .isLessThanOrEqualTo((long) Kind.values().length * Severity.values().length);
    Set<String> tagValues =
        meters.stream()
            .flatMap(m -> m.getId().getTags().stream())
            .map(Tag::getValue)
            .collect(Collectors.toSet());
    assertThat(tagValues).noneMatch(v -> v.contains("host") || v.contains("/") || v.contains("."));
    assertThat(tagValues).contains("unknown", "invalid");
  }

  @Test
  void tagsEveryMeterWithTheClientName() {
    SimpleMeterRegistry own = new SimpleMeterRegistry();
    DefaultTriageListener named =
        DefaultTriageListener.builder().meterRegistry(own).clientName("payments").build();

    Events.complete(
        named,
        302,
        Verdicts.FAIL,
        List.of(
            Findings.at("https://a.example/", Kind.METHOD_REWRITTEN, Severity.WARNING),
            Findings.at("https://a.example/", Kind.UNOFFICIAL_STATUS, Severity.INFO)));
    Events.decided(named, Outcome.RETRY_SCHEDULED, 503, "GET");
    Events.complete(listener, 200, Verdicts.ACCEPT, List.of());

    // responses, two finding counters, retries, the call timer, attempts and the wait timer
    assertThat(own.getMeters())
        .hasSize(7)
        .allMatch(m -> "payments".equals(m.getId().getTag("client")));
    assertThat(registry.getMeters())
        .isNotEmpty()
        .allMatch(m -> DefaultTriageListener.UNNAMED_CLIENT.equals(m.getId().getTag("client")));
  }

  @ParameterizedTest
  @CsvSource({"1", "10", "2147483647"})
  void acceptsAnyPositiveRate(int rate) {
    assertThat(DefaultTriageListener.builder().maxLinesPerSecond(rate).build()).isNotNull();
  }

  @ParameterizedTest
  @CsvSource({"0", "-1", "-2147483648"})
  void rejectsARateBelowOne(int rate) {
    assertThatThrownBy(() -> DefaultTriageListener.builder().maxLinesPerSecond(rate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLinesPerSecond: must be at least 1, was " + rate);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"''", "' '", "'\t'", "'pay\nments'"})
  void rejectsABlankOrControlClientName(String raw) {
    String name = raw.translateEscapes();
    assertThatThrownBy(() -> DefaultTriageListener.builder().clientName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("clientName: must be 1 to 64 characters")
        .hasMessageNotContaining("\n");
  }

  @Test
  void boundsTheClientNameLength() {
    assertThat(DefaultTriageListener.builder().clientName("x".repeat(64)).build().clientName())
        .hasSize(64);
    assertThat(DefaultTriageListener.builder().clientName("x").build().clientName()).isEqualTo("x");
    assertThatThrownBy(() -> DefaultTriageListener.builder().clientName("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was \"" + "x".repeat(65) + "\"");
    assertThatThrownBy(() -> DefaultTriageListener.builder().clientName(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientName: must not be null");
  }

  @Test
  void worksWithNoMeterRegistry() {
    DefaultTriageListener logsOnly = DefaultTriageListener.ofDefaults();

    Events.complete(
        logsOnly,
        302,
        Verdicts.FOLLOW,
        List.of(Findings.at("https://a.example/", Kind.CHAIN_TRUNCATED, Severity.WARNING)));
    Events.decided(logsOnly, Outcome.RETRY_SCHEDULED, 503, "GET");

    assertThat(logsOnly.meterRegistry()).isEmpty();
  }

  @Test
  void builderValidatesAndRoundTrips() {
    assertThatThrownBy(() -> DefaultTriageListener.builder().maxLinesPerSecond(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLinesPerSecond: must be at least 1, was 0");
    assertThatThrownBy(() -> DefaultTriageListener.builder().meterRegistry(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("meterRegistry");
    assertThat(listener.toBuilder().build().meterRegistry()).contains(registry);
    assertThat(
            DefaultTriageListener.builder().clientName("a").build().toBuilder()
                .build()
                .clientName())
        .isEqualTo("a");
  }
}
