package io.httptriage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.httptriage.contract.CapturedLog;
import io.httptriage.contract.ManualClock;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import io.httptriage.follow.RedirectSettings;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.listener.Events;
import io.httptriage.listener.Findings;
import io.httptriage.listener.Verdicts;
import io.httptriage.observe.TriageEvent;
import io.httptriage.observe.TriageListener;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriageConfigListenerTest {

  @Test
  void defaultsHoldNoListenerInstanceToShare() {
    TriageConfig defaults = TriageConfig.ofDefaults();

    assertThat(defaults.listener()).isEmpty();
    assertThat(ClientListeners.of(defaults, "okhttp"))
        .isNotSameAs(ClientListeners.of(defaults, "okhttp"))
        .isInstanceOf(DefaultTriageListener.class);
  }

  @Test
  void eachClientsDefaultListenerIsNamedByTheConfigOrElseTheAdapter() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TriageConfig unnamed = TriageConfig.builder().meterRegistry(registry).build();
    TriageConfig named = unnamed.toBuilder().clientName("payments").build();

    DefaultTriageListener byAdapter = (DefaultTriageListener) ClientListeners.of(unnamed, "jdk");
    DefaultTriageListener byConfig = (DefaultTriageListener) ClientListeners.of(named, "jdk");

    assertThat(byAdapter.clientName()).isEqualTo("jdk");
    assertThat(byAdapter.meterRegistry()).contains(registry);
    assertThat(byConfig.clientName()).isEqualTo("payments");
    assertThat(named.clientName()).contains("payments");
    assertThat(named.toString()).contains("clientName=payments");
  }

  @Test
  void aListenerTheUserSetIsTheOneEveryClientGets() {
    TriageListener mine = TriageListener.noop();
    TriageConfig config = TriageConfig.builder().listener(mine).build();

    assertThat(config.listener()).containsSame(mine);
    assertThat(ClientListeners.of(config, "okhttp")).isSameAs(mine);
    assertThat(config.toBuilder().build().listener()).containsSame(mine);
  }

  @Test
  void refusesAClientNameThatWouldNotReachTheListenerSet() {
    assertThatThrownBy(() -> TriageConfig.builder().listener(TriageListener.noop()).clientName("x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("clientName: a listener");
    assertThatThrownBy(() -> TriageConfig.builder().clientName("x").listener(TriageListener.noop()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("listener: a clientName");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "pay\nments"})
  void rejectsABlankOrControlClientName(String name) {
    assertThatThrownBy(() -> TriageConfig.builder().clientName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("clientName: must be 1 to 64 characters")
        .hasMessageEndingWith("was \"" + name.replaceAll("\\p{Cntrl}", "?") + "\"");
  }

  @Test
  void boundsTheClientNameAtSixtyFourCharacters() {
    assertThat(TriageConfig.builder().clientName("x".repeat(64)).build().clientName())
        .contains("x".repeat(64));
    assertThatThrownBy(() -> TriageConfig.builder().clientName("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("clientName:");
    assertThatThrownBy(() -> TriageConfig.builder().clientName(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientName: must not be null");
  }

  @Test
  void runtimeOfAConfigWithoutAdapterIsUnnamed() {
    assertThatThrownBy(() -> Triage.of(null, "okhttp")).hasMessageStartingWith("config:");
    assertThat(Triage.of(TriageConfig.ofDefaults())).isNotNull();
  }

  @Test
  void anAddedListenerIsToldAfterTheDefaultOneWhichKeepsCounting() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<String> told = new ArrayList<>();
    TriageListener mine =
        new TriageListener() {
          @Override
          public void exchangeCompleted(TriageEvent.ExchangeCompleted e) {
            told.add(e.status() + " " + e.verdict() + " " + registry.find(RESPONSES).counters());
          }
        };
    TriageConfig config =
        TriageConfig.builder()
            .meterRegistry(registry)
            .clientName("payments")
            .addListener(mine)
            .build();

    Events.complete(ClientListeners.of(config, "jdk"), 200, Verdicts.ACCEPT, List.of());

    assertThat(config.addedListeners()).containsExactly(mine);
    assertThat(config.toBuilder().build().addedListeners()).containsExactly(mine);
    // the default listener counted before the added one was told
    assertThat(told).hasSize(1);
    assertThat(told.get(0)).startsWith("200 ACCEPT [").doesNotEndWith("[]");
    assertThat(registry.get(RESPONSES).tag("client", "payments").counter().count()).isEqualTo(1);
    assertThatThrownBy(() -> TriageConfig.builder().addListener(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("addListener: must not be null");
  }

  @Test
  void theDefaultListenersLineRateIsSetOnTheConfigAndRefusedWhereItReachesNothing() {
    assertThat(TriageConfig.ofDefaults().maxLogLinesPerSecond())
        .isEqualTo(DefaultTriageListener.DEFAULT_MAX_LINES_PER_SECOND);
    assertThat(TriageConfig.builder().maxLogLinesPerSecond(1).build().maxLogLinesPerSecond())
        .isEqualTo(1);
    assertThat(
            TriageConfig.builder().maxLogLinesPerSecond(Integer.MAX_VALUE).build().toBuilder()
                .build()
                .maxLogLinesPerSecond())
        .isEqualTo(Integer.MAX_VALUE);
    assertThatThrownBy(() -> TriageConfig.builder().maxLogLinesPerSecond(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLogLinesPerSecond: must be at least 1, was 0");
    assertThatThrownBy(
            () -> TriageConfig.builder().listener(TriageListener.noop()).maxLogLinesPerSecond(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxLogLinesPerSecond: a listener");
    assertThatThrownBy(
            () -> TriageConfig.builder().maxLogLinesPerSecond(2).listener(TriageListener.noop()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("listener: a maxLogLinesPerSecond");
  }

  @Test
  void theDefaultListenerHoldsBackLinesPastTheConfiguredRate() {
    ManualClock clock = new ManualClock();
    TriageConfig config =
        TriageConfig.builder()
            .retry(RetrySettings.builder().clock(clock).build())
            .maxLogLinesPerSecond(2)
            .build();
    TriageListener listener = ClientListeners.of(config, "jdk");
    Finding hot = Findings.at("https://hot.example/a", Kind.METHOD_REWRITTEN, Severity.WARNING);
    try (CapturedLog log = new CapturedLog("io.httptriage.findings", Level.DEBUG)) {
      for (int i = 0; i < 5; i++) {
        Events.complete(listener, 200, Verdicts.ACCEPT, List.of(hot));
      }
      assertThat(log.lines()).hasSize(2);
    }
  }

  @Test
  void theRedirectSettingsAreSetOnTheConfig() {
    TriageConfig defaults = TriageConfig.ofDefaults();
    TriageConfig set =
        TriageConfig.builder()
            .maxHops(0)
            .allowHttpsDowngrade(true)
            .credentialHeaders("X-Api-Key")
            .build();

    assertThat(defaults.maxHops()).isEqualTo(RedirectSettings.DEFAULT_MAX_HOPS);
    assertThat(defaults.allowHttpsDowngrade()).isFalse();
    assertThat(RedirectSettings.of(defaults)).isEqualTo(RedirectSettings.ofDefaults());
    assertThat(set.maxHops()).isZero();
    assertThat(set.allowHttpsDowngrade()).isTrue();
    assertThat(RedirectSettings.of(set.toBuilder().build()))
        .isEqualTo(
            RedirectSettings.builder()
                .maxHops(0)
                .allowHttpsDowngrade(true)
                .credentialHeaders("X-Api-Key")
                .build());
    assertThatThrownBy(() -> TriageConfig.builder().maxHops(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxHops:");
    assertThatThrownBy(() -> TriageConfig.builder().credentialHeaders("Authorization", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("credentialHeaders:");
  }

  private static final String RESPONSES = "httptriage.responses";
}
