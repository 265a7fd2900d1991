package io.httptriage.cooldown;

import java.time.Duration;

/**
 * What {@link OriginCoolDowns#admit} tells one call about to be sent to an origin.
 *
 * <ul>
 *   <li>{@link Kind#PROCEED}: no cool-down; send.
 *   <li>{@link Kind#PROBE}: the cool-down has ended and this call is the one probe; send, then
 *       {@link OriginCoolDowns#record record} the answer (or {@link OriginCoolDowns#abandon
 *       abandon} the probe when no answer came), which releases or holds back the others.
 *   <li>{@link Kind#WAIT}: wait {@link #duration()}, then ask again without sending.
 *   <li>{@link Kind#REJECT}: the origin stays closed for longer than the call can wait; answer the
 *       call without touching the network. {@link #duration()} is how long the origin is expected
 *       to stay closed, for a synthetic Retry-After.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Admission a = coolDowns.admit(origin, clock.instant(), patience);
 * switch (a.kind()) {
 *   case WAIT -> sleeper.sleep(a.duration());    // then admit again
 *   case REJECT -> answerWithout(a.duration());  // no request sent
 *   default -> send();                       // PROCEED or PROBE
 * }
 * }</pre>
 *
 * @param kind what the call does
 * @param duration for WAIT, how long to wait before asking again (positive, never more than the
 *     call's patience); for REJECT, how long the origin is expected to stay closed; zero otherwise
 */
public record Admission(Kind kind, Duration duration) {
  static final Admission PROCEED = new Admission(Kind.PROCEED, Duration.ZERO);
  static final Admission PROBE = new Admission(Kind.PROBE, Duration.ZERO);

  /** What a call does. */
  public enum Kind {
    /** Send: the origin is not cooling down. */
    PROCEED,
    /** Send as the one probe of an origin whose cool-down has ended. */
    PROBE,
    /** Wait, then ask again. */
    WAIT,
    /** Answer the call without sending it. */
    REJECT
  }

  /**
   * Validates the fields.
   *
   * @param kind what the caller does now
   * @param duration how long the caller waits (WAIT) or the origin stays closed (REJECT); zero for
   *     PROCEED and PROBE
   * @throws IllegalArgumentException when the duration is negative, or not positive for WAIT, or
   *     not zero for PROCEED and PROBE
   */
  public Admission {
    if (kind == null || duration == null) {
      throw new IllegalArgumentException("kind and duration: must not be null");
    }
    boolean valid =
        switch (kind) {
          case PROCEED, PROBE -> duration.isZero();
          case WAIT -> !duration.isNegative() && !duration.isZero();
          case REJECT -> !duration.isNegative();
        };
    if (!valid) {
      throw new IllegalArgumentException("duration: " + duration + " does not fit " + kind);
    }
  }

  static Admission waitFor(long millis) {
    return new Admission(Kind.WAIT, Duration.ofMillis(millis));
  }

  static Admission reject(long millis) {
    return new Admission(Kind.REJECT, Duration.ofMillis(millis));
  }
}
