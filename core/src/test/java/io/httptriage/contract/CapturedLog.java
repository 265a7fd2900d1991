package io.httptriage.contract;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Captures what one logback logger writes, at a level the test chooses; the logger's own level and
 * additivity come back on {@link #close()}.
 */
public final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final Level previous;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  /** Starts capturing {@code name} at {@code level}, and only here (not additive meanwhile). */
  public CapturedLog(String name, Level level) {
    this.logger = (Logger) LoggerFactory.getLogger(name);
    this.previous = logger.getLevel();
    logger.setLevel(level);
    logger.setAdditive(false);
    appender.start();
    logger.addAppender(appender);
  }

  /** The events so far. */
  public List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** The formatted messages so far. */
  public List<String> lines() {
    return events().stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
  }

  /** "LEVEL message" per line, for compact assertions. */
  public List<String> leveled() {
    return events().stream()
        .map(e -> e.getLevel() + " " + e.getFormattedMessage())
        .collect(Collectors.toList());
  }

  /** The formatted messages so far, one a line. */
  public String all() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
    logger.setAdditive(true);
  }
}
