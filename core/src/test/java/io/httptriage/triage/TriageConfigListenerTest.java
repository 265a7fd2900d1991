package io.httptriage.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.observe.DefaultTriageListener;
import io.httptriage.observe.TriageListener;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TriageConfigListenerTest {

  @Test
  void defaultsHoldNoListenerInstanceToShare() {
    TriageConfig defaults = TriageConfig.ofDefaults();

    assertThat(defaults.listener()).isEmpty();
    assertThat(ConfigRules.listenerFor(defaults, "okhttp"))
        .isNotSameAs(ConfigRules.listenerFor(defaults, "okhttp"))
        .isInstanceOf(DefaultTriageListener.class);
  }

  @Test
  void eachClientsDefaultListenerIsNamedByTheConfigOrElseTheAdapter() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TriageConfig unnamed = TriageConfig.builder().meterRegistry(registry).build();
    TriageConfig named = unnamed.toBuilder().clientName("payments").build();

    DefaultTriageListener byAdapter =
        (DefaultTriageListener) ConfigRules.listenerFor(unnamed, "jdk");
    DefaultTriageListener byConfig = (DefaultTriageListener) ConfigRules.listenerFor(named, "jdk");

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
    assertThat(ConfigRules.listenerFor(config, "okhttp")).isSameAs(mine);
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
}
