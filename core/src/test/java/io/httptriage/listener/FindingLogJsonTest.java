package io.httptriage.listener;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A JSON log pipeline (logstash-logback-encoder) gets each field of a finding line as a field. */
class FindingLogJsonTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(FindingLog.FINDINGS_LOGGER);
  private Level previous;

  @BeforeEach
  void attachJsonAppender() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    previous = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    logger.addAppender(appender);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(appender);
    appender.stop();
    logger.setLevel(previous);
    logger.setAdditive(true);
  }

  @Test
  void jsonEncoderWritesEachFieldOfAFindingLine() throws Exception {
    DefaultTriageListener listener = DefaultTriageListener.builder().clientName("payments").build();
    Finding f =
        new Finding(
            Kind.METHOD_REWRITTEN,
            Severity.WARNING,
            0,
            Optional.of("https://api.example/orders?token=s3cret"),
            Optional.of("https://api.example/orders/7"),
            "POST was followed with GET after 302",
            "RFC 9110 §15.4.3");

    Events.complete(listener, 200, Verdicts.ACCEPT, List.of(f));

    String json = out.toString(StandardCharsets.UTF_8).strip();
    JsonNode line = new ObjectMapper().readTree(json);
    assertThat(line.get("level").asText()).isEqualTo("WARN");
    assertThat(line.get("logger_name").asText()).isEqualTo("io.httptriage.findings");
    assertThat(line.get("client").asText()).isEqualTo("payments");
    assertThat(line.get("kind").asText()).isEqualTo("METHOD_REWRITTEN");
    assertThat(line.get("severity").asText()).isEqualTo("WARNING");
    assertThat(line.get("hop").isInt()).isTrue();
    assertThat(line.get("hop").asInt()).isZero();
    assertThat(line.get("finalStatus").asInt()).isEqualTo(200);
    assertThat(line.get("from").asText()).isEqualTo("https://api.example/orders?token=*");
    assertThat(line.get("to").asText()).isEqualTo("https://api.example/orders/7");
    assertThat(line.get("spec").asText()).isEqualTo("RFC 9110 §15.4.3");
    assertThat(line.get("explanation").asText()).isEqualTo("POST was followed with GET after 302");
    assertThat(line.get("message").asText()).startsWith("httptriage finding kind=METHOD_REWRITTEN");
    assertThat(json).doesNotContain("s3cret");
    if (Boolean.getBoolean("httptriage.printLines")) {
      System.out.println(json);
    }
  }
}
