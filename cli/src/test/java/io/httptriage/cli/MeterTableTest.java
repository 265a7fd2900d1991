package io.httptriage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MeterTableTest {

  @Test
  void aGaugeWhoseClientWasCollectedSaysSoInsteadOfNaN() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // what Micrometer reads once the weakly held budget of a finished client is collected
    Gauge.builder("httptriage.retry.budget.remaining", () -> Double.NaN)
        .tag("client", "jdk")
        .register(registry);
    Counter.builder("httptriage.calls").tag("client", "jdk").register(registry).increment(3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MeterTable.print(
        registry, new PrintStream(bytes, true, StandardCharsets.UTF_8), Style.plain(), "  ");

    String table = bytes.toString(StandardCharsets.UTF_8);
    assertThat(table).doesNotContain("NaN");
    assertThat(table)
        .containsPattern(
            "httptriage.retry.budget.remaining +client=jdk +- \\(its client is gone\\)");
    assertThat(table).containsPattern("httptriage.calls +client=jdk +3");
  }
}
