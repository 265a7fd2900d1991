package io.httptriage.listener;

import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes the summary lines of a {@link LogStormGuard}: one for each key whose held-back lines no
 * later line of that key reported, at the level of the key's lines, saying the key, the client, the
 * origin and the count ({@code suppressed=N}). The finding lines and the retry lines share it.
 *
 * <p>Stateless; safe from any thread as long as the guard is.
 */
final class HeldBackLines {
  /** A storm guard's key as its summary line names it. */
  interface Key {
    /** {@return the level of the key's lines} */
    Level level();

    /** {@return the origin of the key's lines} */
    String origin();

    /** {@return the fields that tell the key apart besides its origin: name, value, name, value} */
    String[] fields();
  }

  private HeldBackLines() {}

  /**
   * Writes one summary line per count the guard hands out.
   *
   * @param heading the start of the text, such as {@code "httptriage findings held back"}
   * @param keyValues whether the binding keeps key-value pairs apart from the text
   */
  static <K extends Key> void report(
      LogStormGuard<K> guard, Logger logger, boolean keyValues, String heading, String client) {
    for (LogStormGuard.HeldBack<K> h : guard.takeHeldBack()) {
      K key = h.key();
      String[] fields = key.fields();
      LoggingEventBuilder line = logger.atLevel(key.level());
      StringBuilder text = new StringBuilder(128).append(heading);
      if (keyValues) {
        line.addKeyValue("client", client);
      }
      for (int i = 0; i < fields.length; i += 2) {
        if (keyValues) {
          line.addKeyValue(fields[i], fields[i + 1]);
        }
        text.append(' ').append(fields[i]).append('=').append(fields[i + 1]);
      }
      if (keyValues) {
        line.addKeyValue("origin", key.origin());
        line.addKeyValue("suppressed", h.count());
      }
      text.append(" client=").append(client);
      text.append(" origin=").append(key.origin());
      text.append(" suppressed=").append(h.count());
      line.log(text.toString());
    }
  }
}
