package io.httptriage.listener;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.httptriage.contract.CapturedLog;
import io.httptriage.contract.ManualClock;
import io.httptriage.exchange.Exchange;
import io.httptriage.exchange.Headers;
import io.httptriage.exchange.Hop;
import io.httptriage.exchange.RequestView;
import io.httptriage.exchange.ResponseView;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import io.httptriage.follow.RedirectAudit;
import io.httptriage.lint.ConformanceLint;
import io.httptriage.observe.TriageEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultTriageListenerLogTest {
  private final ManualClock clock = new ManualClock();
  private final DefaultTriageListener listener =
      DefaultTriageListener.builder().clock(clock).build();
  private CapturedLog log;

  @BeforeEach
  void capture() {
    log = new CapturedLog(FindingLog.FINDINGS_LOGGER, Level.DEBUG);
  }

  @AfterEach
  void release() {
    log.close();
  }

  @Test
  void logsEachSeverityAtItsLevel() {
    Events.complete(
        listener,
        200,
        Verdicts.ACCEPT,
        List.of(
            Findings.at("https://a.example/", Kind.NON_POST_METHOD_REWRITTEN, Severity.VIOLATION),
            Findings.at("https://a.example/", Kind.HTTPS_DOWNGRADE, Severity.SECURITY),
            Findings.at("https://a.example/", Kind.METHOD_REWRITTEN, Severity.WARNING),
            Findings.at("https://a.example/", Kind.UNOFFICIAL_STATUS, Severity.INFO)));

    assertThat(log.events())
        .extracting(e -> e.getLevel().toString())
        .containsExactly("WARN", "WARN", "WARN", "INFO");
  }

  @Test
  void writesFieldsInTheTextAndAsKeyValuePairs() {
    Finding f =
        new Finding(
            Kind.CREDENTIALS_CROSS_ORIGIN,
            Severity.SECURITY,
            0,
            java.util.Optional.of("https://a.example/me"),
            java.util.Optional.of("https://b.example/me"),
            "Authorization set for the first origin reached another origin",
            "RFC 9110 §15.4, RFC 6454");

    Events.complete(listener, 200, Verdicts.ACCEPT, List.of(f));

    assertThat(log.lines())
        .containsExactly(
            "httptriage finding kind=CREDENTIALS_CROSS_ORIGIN"
                + " severity=SECURITY hop=0 finalStatus=200 client=unnamed from=https://a.example/me"
                + " to=https://b.example/me spec=\"RFC 9110 §15.4, RFC 6454\""
                + " explanation=\"Authorization set for the first origin reached another origin\"");
    assertThat(log.events().get(0).getKeyValuePairs())
        .extracting(kv -> kv.key + "=" + kv.value)
        .containsExactly(
            "client=unnamed",
            "kind=CREDENTIALS_CROSS_ORIGIN",
            "severity=SECURITY",
            "hop=0",
            "finalStatus=200",
            "from=https://a.example/me",
            "to=https://b.example/me",
            "spec=RFC 9110 §15.4, RFC 6454",
            "explanation=Authorization set for the first origin reached another origin");
  }

  @Test
  void logsEveryRepeatAtAReadableRate() {
    Finding f = Findings.at("https://hot.example/a", Kind.METHOD_REWRITTEN, Severity.WARNING);

    for (int i = 0; i < 50; i++) {
      Events.complete(listener, 200, Verdicts.ACCEPT, List.of(f));
      clock.advance(Duration.ofMillis(100));
    }

    assertThat(log.lines()).hasSize(50).noneMatch(line -> line.contains("suppressed"));
  }

  @Test
  void holdsBackAStormPerOriginAndKindAndSaysHowManyOnTheNextLine() {
    Finding hot =
        Findings.at("https://hot.example/a?id=1", Kind.METHOD_REWRITTEN, Severity.WARNING);
    Finding samePlace =
        Findings.at("https://hot.example:443/b", Kind.METHOD_REWRITTEN, Severity.WARNING);

    for (int i = 0; i < 50; i++) {
      Events.complete(listener, 200, Verdicts.ACCEPT, List.of(i % 2 == 0 ? hot : samePlace));
    }
    Events.complete(
        listener,
        200,
        Verdicts.ACCEPT,
        List.of(
            Findings.at("https://other.example/", Kind.METHOD_REWRITTEN, Severity.WARNING),
            Findings.at("https://hot.example/", Kind.CHAIN_TRUNCATED, Severity.WARNING)));
    clock.advance(Duration.ofSeconds(1));
    Events.complete(listener, 200, Verdicts.ACCEPT, List.of(hot));

    List<String> lines = log.lines();
    assertThat(lines).hasSize(DefaultTriageListener.DEFAULT_MAX_LINES_PER_SECOND + 3);
    assertThat(lines.subList(0, 10))
        .allMatch(l -> l.contains("from=https://hot.example") && !l.contains("suppressed"));
    assertThat(lines.get(10)).contains("from=https://other.example/");
    assertThat(lines.get(11)).contains("kind=CHAIN_TRUNCATED");
    assertThat(lines.get(12)).contains("kind=METHOD_REWRITTEN", "suppressed=40");
    assertThat(log.events().get(12).getKeyValuePairs())
        .anyMatch(kv -> kv.key.equals("suppressed") && kv.value.equals(40));
  }

  @Test
  void saysWhatItHeldBackInASummaryWhenNoLaterLineOfThatKindCame() {
    Finding hot = Findings.at("https://hot.example/a", Kind.METHOD_REWRITTEN, Severity.WARNING);
    for (int i = 0; i < 25; i++) {
      Events.complete(listener, 200, Verdicts.ACCEPT, List.of(hot));
    }
    clock.advance(Duration.ofSeconds(2));

    Events.complete(
        listener,
        200,
        Verdicts.ACCEPT,
        List.of(Findings.at("https://cold.example/", Kind.HTTPS_DOWNGRADE, Severity.SECURITY)));

    assertThat(log.leveled())
        .hasSize(12)
        .last()
        .asString()
        .isEqualTo(
            "WARN httptriage findings held back kind=METHOD_REWRITTEN severity=WARNING client=unnamed"
                + " origin=https://hot.example:443 suppressed=15");
    assertThat(log.events().get(11).getKeyValuePairs())
        .extracting(kv -> kv.key + "=" + kv.value)
        .contains("kind=METHOD_REWRITTEN", "origin=https://hot.example:443", "suppressed=15");
  }

  @Test
  void saysWhatItHeldBackOfTheFailedCallLinesInASummary() {
    try (CapturedLog answers = new CapturedLog(FindingLog.RETRIES_LOGGER, Level.INFO)) {
      for (int i = 0; i < 25; i++) {
        listener.exchangeCompleted(failedCall("not_sent"));
      }
      clock.advance(Duration.ofSeconds(2));

      listener.exchangeCompleted(failedCall("sent_no_response"));

      assertThat(answers.leveled())
          .hasSize(12)
          .element(10)
          .asString()
          .isEqualTo(
              "WARN httptriage answers held back error=not_sent client=unnamed origin=-"
                  + " suppressed=15");
      assertThat(answers.leveled().get(11)).contains("error=sent_no_response");
    }
  }

  private static TriageEvent.ExchangeCompleted failedCall(String error) {
    return new TriageEvent.ExchangeCompleted(
        "test",
        "GET",
        Optional.of("http://a.example/"),
        0,
        "FAIL",
        Optional.of("ATTEMPTS"),
        3,
        0,
        Duration.ZERO,
        List.of(),
        Optional.of(error));
  }

  @Test
  void writesEveryLineWhenTheGuardIsOpenedWide() {
    DefaultTriageListener chatty =
        DefaultTriageListener.builder().clock(clock).maxLinesPerSecond(Integer.MAX_VALUE).build();
    Finding f = Findings.at("https://a.example/", Kind.METHOD_REWRITTEN, Severity.WARNING);

    for (int i = 0; i < 500; i++) {
      Events.complete(chatty, 200, Verdicts.ACCEPT, List.of(f));
    }

    assertThat(log.lines()).hasSize(500);
  }

  @Test
  void handsKeyValuePairsOnOnlyToBindingsThatKeepThemApart() {
    assertThat(FindingLog.keepsKeyValues(org.slf4j.LoggerFactory.getLogger("x")))
        .as("logback")
        .isTrue();
    // SLF4J's own fallback logger, as slf4j-simple's works: pairs would be prepended to the text.
    assertThat(
            FindingLog.keepsKeyValues(
                new org.slf4j.helpers.NOPLogger() {
                  private static final long serialVersionUID = 1L;
                }))
        .isFalse();
  }

  @Test
  void namesTheClientInEveryLine() {
    DefaultTriageListener named =
        DefaultTriageListener.builder().clock(clock).clientName("payments").build();

    Events.complete(
        named,
        200,
        Verdicts.ACCEPT,
        List.of(Findings.at("https://a.example/", Kind.METHOD_REWRITTEN, Severity.WARNING)));

    assertThat(log.lines()).singleElement().asString().contains(" client=payments ");
    assertThat(log.events().get(0).getKeyValuePairs())
        .anyMatch(kv -> kv.key.equals("client") && kv.value.equals("payments"));
  }

  @Test
  void neverLogsCredentialsOrQueryValues() {
    URI first = URI.create("https://alice:pa55word@a.example/orders?api_key=K3Y&page=2#frag");
    URI elsewhere = URI.create("http://b.example/orders?session=S3SS");
    Hop toOther =
        Hop.builder()
            .method("POST")
            .uri(first)
            .headerNames(List.of("Authorization", "Cookie"))
            .bodySent(true)
            .status(302)
            .location(elsewhere.toString())
            .build();
    RequestView finalRequest =
        RequestView.of(
            "GET",
            elsewhere,
            Headers.of("Authorization", "Bearer T0KEN", "Cookie", "sid=C00KIE"),
            false,
            true);
    ResponseView finalResponse = ResponseView.of(401);
    Exchange exchange = Exchange.of(List.of(toOther), Hop.of(finalRequest, finalResponse), true);
    List<Finding> findings = new ArrayList<>(RedirectAudit.ofDefaults().audit(exchange));
    findings.addAll(ConformanceLint.ofDefaults().lint(finalRequest, finalResponse));

    Events.complete(listener, 401, Verdicts.FAIL, findings);

    assertThat(log.lines()).hasSize(4);
    assertThat(log.all())
        .contains(
            "kind=METHOD_REWRITTEN",
            "kind=HTTPS_DOWNGRADE",
            "kind=CREDENTIALS_CROSS_ORIGIN",
            "kind=REQUIRED_HEADER_MISSING",
            "api_key=*",
            "session=*")
        .doesNotContain("alice", "pa55word", "K3Y", "S3SS", "T0KEN", "C00KIE", "frag", "page=2");
  }

  @Test
  void writesNothingAndHoldsNothingBackWhenTheLevelIsOff() {
    Finding f = Findings.at("https://a.example/", Kind.METHOD_REWRITTEN, Severity.WARNING);
    try (CapturedLog quiet = new CapturedLog(FindingLog.FINDINGS_LOGGER, Level.OFF)) {
      for (int i = 0; i < 20; i++) {
        Events.complete(listener, 200, Verdicts.ACCEPT, List.of(f));
      }
      assertThat(quiet.lines()).isEmpty();
    }

    Events.complete(listener, 200, Verdicts.ACCEPT, List.of(f));

    assertThat(log.lines()).singleElement().asString().doesNotContain("suppressed");
  }
}
