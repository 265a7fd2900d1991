package io.httptriage.jdk;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Set;

/**
 * Which request body publishers can be subscribed a second time and send the same content again, so
 * that a retry or a followed 307/308 may resend them. The JDK gives a publisher no way to say so,
 * and its implementation classes are internal, so the answer is kept to the publishers whose every
 * subscription is known to start afresh from data the publisher holds:
 *
 * <ul>
 *   <li>{@code BodyPublishers.noBody()}
 *   <li>{@code BodyPublishers.ofString(...)}, both overloads (the encoded bytes are kept)
 *   <li>{@code BodyPublishers.ofByteArray(...)}, both overloads (the array is kept; it is sent as
 *       it is at each attempt)
 *   <li>{@code BodyPublishers.ofFile(path)} (the file is opened again at each subscription; it is
 *       sent as it is at each attempt)
 * </ul>
 *
 * <p>Everything else is treated as one-shot: {@code ofInputStream(supplier)} calls its supplier
 * again, which works only when the supplier opens a new stream each time, and nothing shows whether
 * it does; {@code ofByteArrays(iterable)} iterates again, which works only for a re-iterable {@code
 * Iterable}; {@code concat(...)} hides its parts; {@code fromPublisher(...)} and the user's own
 * publishers can be anything.
 *
 * <p>The classes are learned at start-up from the publishers themselves where that needs no
 * argument to exist (the file publisher needs an existing file, so it is matched by name), which
 * keeps the list right on every JDK from 17 on; the tests check it on each JDK the build runs.
 */
final class ReplayablePublishers {
  private static final String FILE_PUBLISHER =
      "jdk.internal.net.http.RequestPublishers$FilePublisher";

  // copyOf, not Set.of: two of these may share a class
  private static final Set<Class<?>> REPLAYABLE =
      Set.copyOf(
          List.of(
              BodyPublishers.noBody().getClass(),
              BodyPublishers.ofString("").getClass(),
              BodyPublishers.ofByteArray(new byte[0]).getClass(),
              BodyPublishers.ofByteArray(new byte[1], 0, 1).getClass()));

  private ReplayablePublishers() {}

  /** True when {@code publisher} is one of the JDK's publishers that replays its content. */
  static boolean isReplayable(BodyPublisher publisher) {
    Class<?> type = publisher.getClass();
    return REPLAYABLE.contains(type) || type.getName().equals(FILE_PUBLISHER);
  }
}
