package io.httptriage.observe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Captures what one logback logger writes, at a level the test chooses. */
final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final Level previous;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  CapturedLog(String name, Level level) {
    this.logger = (Logger) LoggerFactory.getLogger(name);
    this.previous = logger.getLevel();
    logger.setLevel(level);
    logger.setAdditive(false);
    appender.start();
    logger.addAppender(appender);
  }

  List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  List<String> lines() {
    return events().stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
  }

  /** "LEVEL message" per line, for compact assertions. */
  List<String> leveled() {
    return events().stream().map(e -> e.getLevel() + " " + e.getFormattedMessage())
        .collect(Collectors.toList());
  }

  String all() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
    logger.setAdditive(true);
  }
}
