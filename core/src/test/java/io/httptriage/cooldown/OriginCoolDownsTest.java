package io.httptriage.cooldown;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.cooldown.Admission.Kind;
import io.httptriage.exchange.Origin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginCoolDownsTest {
  private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
  private static final Duration PATIENT = Duration.ofSeconds(60);
  private static final Origin API = origin("https://api.example/v1/items");
  private static final Origin OTHER = origin("https://other.example/");

  /** The largest jitter every time, so that tests see the bound. */
  static final RandomGenerator MAX_JITTER =
      new RandomGenerator() {
        @Override
        public long nextLong() {
          return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
          return bound - 1;
        }
      };

  private static final CoolDownSettings NO_JITTER =
      CoolDownSettings.builder().jitter(Duration.ZERO).build();

  static Origin origin(String uri) {
    return Origin.of(URI.create(uri)).orElseThrow();
  }

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  private static Optional<Duration> seconds(long s) {
    return Optional.of(Duration.ofSeconds(s));
  }

  @Test
  void proceedsWhenNoResponseAskedForAPause() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);

    assertThat(c.admit(API, T0, PATIENT)).isEqualTo(Admission.PROCEED);
    c.record(API, 429, Optional.empty(), T0);
    c.record(API, 200, Optional.empty(), T0);

    assertThat(c.admit(API, T0, PATIENT)).isEqualTo(Admission.PROCEED);
    assertThat(c.size()).isZero();
  }

  @Test
  void holdsEveryCallBackUntilTheRetryAfterEnds() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);

    assertThat(c.record(API, 429, seconds(1), T0)).contains(Duration.ofSeconds(1));

    assertThat(c.admit(API, at(0), PATIENT))
        .isEqualTo(new Admission(Kind.WAIT, Duration.ofSeconds(1)));
    assertThat(c.admit(API, at(400), PATIENT))
        .isEqualTo(new Admission(Kind.WAIT, Duration.ofMillis(600)));
    assertThat(c.admit(OTHER, at(400), PATIENT)).isEqualTo(Admission.PROCEED);
  }

  @Test
  void letsOneProbeThroughWhenTheCoolDownEndsAndReleasesTheOthersWhenItSucceeds() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(API, 429, seconds(1), T0);

    assertThat(c.admit(API, at(1000), PATIENT)).isEqualTo(Admission.PROBE);
    Admission second = c.admit(API, at(1001), PATIENT);
    Admission third = c.admit(API, at(1002), PATIENT);

    assertThat(second.kind()).isEqualTo(Kind.WAIT);
    assertThat(second.duration()).isEqualTo(Duration.ofMillis(OriginCoolDowns.MIN_RECHECK_MILLIS));
    assertThat(third.kind()).isEqualTo(Kind.WAIT);

    c.record(API, 200, Optional.empty(), at(1005));

    assertThat(c.admit(API, at(1011), PATIENT)).isEqualTo(Admission.PROCEED);
    assertThat(c.size()).isZero();
  }

  @Test
  void aProbeAnsweredWithANewRetryAfterStartsTheNextCoolDown() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(API, 429, seconds(1), T0);
    assertThat(c.admit(API, at(1000), PATIENT)).isEqualTo(Admission.PROBE);

    c.record(API, 429, seconds(2), at(1010));

    assertThat(c.admit(API, at(1010), PATIENT))
        .isEqualTo(new Admission(Kind.WAIT, Duration.ofSeconds(2)));
    assertThat(c.admit(API, at(3010), PATIENT)).isEqualTo(Admission.PROBE);
  }

  @Test
  void aProbeAnsweredWithoutRetryAfterRepeatsTheLastCoolDown() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(API, 503, seconds(3), T0);
    assertThat(c.admit(API, at(3000), PATIENT)).isEqualTo(Admission.PROBE);

    assertThat(c.record(API, 429, Optional.empty(), at(3050))).contains(Duration.ofSeconds(3));

    assertThat(c.admit(API, at(3050), PATIENT))
        .isEqualTo(new Admission(Kind.WAIT, Duration.ofSeconds(3)));
  }

  @Test
  void aRetryAfterOfZeroEndsAnEndedCoolDown() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(API, 429, seconds(1), T0);
    c.admit(API, at(1000), PATIENT);

    assertThat(c.record(API, 429, Optional.of(Duration.ZERO), at(1001))).isEmpty();

    assertThat(c.admit(API, at(1001), PATIENT)).isEqualTo(Admission.PROCEED);
  }

  @Test
  void aSuccessSentBeforeThePauseDoesNotEndIt() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(API, 429, seconds(1), T0);

    c.record(API, 200, Optional.empty(), at(10));

    assertThat(c.admit(API, at(20), PATIENT).kind()).isEqualTo(Kind.WAIT);
  }

  @Test
  void rejectsACallThatCannotWaitForTheEnd() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(API, 429, seconds(5), T0);

    assertThat(c.admit(API, at(1000), Duration.ofSeconds(2)))
        .isEqualTo(new Admission(Kind.REJECT, Duration.ofSeconds(4)));
    assertThat(c.admit(API, at(1000), Duration.ofSeconds(-1)))
        .isEqualTo(new Admission(Kind.REJECT, Duration.ofSeconds(4)));
    assertThat(c.admit(API, at(1000), Duration.ofSeconds(4)))
        .isEqualTo(new Admission(Kind.WAIT, Duration.ofSeconds(4)));
    assertThat(c.admit(API, at(1000), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)))
        .isEqualTo(new Admission(Kind.WAIT, Duration.ofSeconds(4)));
  }

  @Test
  void neverWaitsLongerThanThePatienceWhileAProbeIsInFlight() {
    OriginCoolDowns c = OriginCoolDowns.of(CoolDownSettings.builder().random(MAX_JITTER).build());
    c.record(API, 429, seconds(1), T0);
    assertThat(c.admit(API, at(1250), PATIENT)).isEqualTo(Admission.PROBE);

    assertThat(c.admit(API, at(1260), Duration.ofMillis(3)))
        .isEqualTo(new Admission(Kind.WAIT, Duration.ofMillis(3)));
    assertThat(c.admit(API, at(1260), Duration.ZERO).kind()).isEqualTo(Kind.REJECT);
    assertThat(c.admit(API, at(1260), PATIENT))
        .isEqualTo(new Admission(Kind.WAIT, Duration.ofMillis(250)));
  }

  @Test
  void addsTheJitterToTheWaitForTheEnd() {
    OriginCoolDowns c = OriginCoolDowns.of(CoolDownSettings.builder().random(MAX_JITTER).build());
    c.record(API, 429, seconds(1), T0);

    assertThat(c.admit(API, T0, PATIENT))
        .isEqualTo(new Admission(Kind.WAIT, Duration.ofMillis(1250)));
  }

  @Test
  void capsAHostileRetryAfterAtTheLongestCoolDown() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);

    assertThat(c.record(API, 429, Optional.of(Duration.ofDays(3650)), T0))
        .contains(Duration.ofSeconds(30));
    c.record(API, 429, Optional.of(Duration.ofSeconds(Long.MAX_VALUE)), at(5000));

    assertThat(c.admit(API, at(5000), PATIENT))
        .isEqualTo(new Admission(Kind.WAIT, Duration.ofSeconds(30)));
    assertThat(c.admit(API, at(35_000), PATIENT)).isEqualTo(Admission.PROBE);
  }

  @Test
  void roundsASubMillisecondWaitUp() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);

    assertThat(c.record(API, 429, Optional.of(Duration.ofNanos(1)), T0))
        .contains(Duration.ofMillis(1));
  }

  @Test
  void aLaterShorterWaitDoesNotShortenTheCoolDown() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(API, 429, seconds(10), T0);

    c.record(API, 429, seconds(1), at(100));

    assertThat(c.admit(API, at(100), PATIENT).duration()).isEqualTo(Duration.ofMillis(9900));
  }

  @Test
  void anAbandonedProbeLetsTheNextCallerProbe() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(API, 429, seconds(1), T0);
    assertThat(c.admit(API, at(1000), PATIENT)).isEqualTo(Admission.PROBE);

    c.abandon(API, at(1100));

    assertThat(c.admit(API, at(1100), PATIENT)).isEqualTo(Admission.PROBE);
  }

  @Test
  void aProbeThatNeverAnswersStopsHoldingTheOthersAfterTheProbeTimeout() {
    OriginCoolDowns c =
        OriginCoolDowns.of(NO_JITTER.toBuilder().probeTimeout(Duration.ofSeconds(2)).build());
    c.record(API, 429, seconds(1), T0);
    assertThat(c.admit(API, at(1000), PATIENT)).isEqualTo(Admission.PROBE);

    assertThat(c.admit(API, at(2999), PATIENT).kind()).isEqualTo(Kind.WAIT);
    assertThat(c.admit(API, at(3000), PATIENT)).isEqualTo(Admission.PROBE);
  }

  @Test
  void forgetsACoolDownNobodyProbed() {
    OriginCoolDowns c =
        OriginCoolDowns.of(NO_JITTER.toBuilder().forgetAfter(Duration.ofSeconds(5)).build());
    c.record(API, 429, seconds(1), T0);

    assertThat(c.admit(API, at(6000), PATIENT)).isEqualTo(Admission.PROCEED);
    assertThat(c.size()).isZero();
  }

  @Test
  void forgetAfterZeroLetsTheFirstCallAfterTheEndProceed() {
    OriginCoolDowns c =
        OriginCoolDowns.of(NO_JITTER.toBuilder().forgetAfter(Duration.ZERO).build());
    c.record(API, 429, seconds(1), T0);

    assertThat(c.admit(API, at(999), PATIENT).kind()).isEqualTo(Kind.WAIT);
    assertThat(c.admit(API, at(1000), PATIENT)).isEqualTo(Admission.PROCEED);
  }

  @Test
  void dropsTheLeastRecentlyUsedOriginBeyondTheBound() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER.toBuilder().maxOrigins(2).build());
    Origin a = origin("http://a.example/");
    Origin b = origin("http://b.example/");
    Origin d = origin("http://d.example/");
    c.record(a, 429, seconds(10), T0);
    c.record(b, 429, seconds(10), T0);
    c.admit(a, at(1), PATIENT); // a is now the most recently used

    c.record(d, 429, seconds(10), at(2));

    assertThat(c.size()).isEqualTo(2);
    assertThat(c.admit(b, at(3), PATIENT)).isEqualTo(Admission.PROCEED);
    assertThat(c.admit(a, at(3), PATIENT).kind()).isEqualTo(Kind.WAIT);
    assertThat(c.admit(d, at(3), PATIENT).kind()).isEqualTo(Kind.WAIT);
  }

  @Test
  void aClockSteppingBackNeverHoldsAnOriginPastTheCap() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(API, 429, seconds(30), T0);

    Admission a = c.admit(API, T0.minus(Duration.ofHours(1)), PATIENT);

    assertThat(a).isEqualTo(new Admission(Kind.WAIT, Duration.ofSeconds(30)));
  }

  @Test
  void acceptsTheExtremesOfInstant() {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(API, 429, seconds(1), Instant.MAX);

    assertThat(c.admit(API, Instant.MAX, PATIENT).kind()).isEqualTo(Kind.WAIT);
    assertThat(c.admit(API, Instant.MIN, PATIENT).duration())
        .isLessThanOrEqualTo(Duration.ofSeconds(30));
  }

  /** Origins are compared after normalisation: scheme and host case, default ports, IPv6. */
  @ParameterizedTest
  @CsvSource({
    "HTTPS://API.Example/v1, https://api.example:443/other, true",
    "http://api.example, http://api.example:80/, true",
    "http://api.example, https://api.example, false",
    "http://api.example:8080/, http://api.example/, false",
    "http://[::1]:8080/a, http://[::1]:8080/b, true",
    "http://[2001:DB8::1]/, http://[2001:db8::1]:80/, true",
    "http://[::1]:8080/, http://[::1]:8081/, false"
  })
  void sharesTheCoolDownAcrossTheSpellingsOfOneOrigin(String armed, String asked, boolean shared) {
    OriginCoolDowns c = OriginCoolDowns.of(NO_JITTER);
    c.record(origin(armed), 429, seconds(1), T0);

    assertThat(c.admit(origin(asked), T0, PATIENT).kind())
        .isEqualTo(shared ? Kind.WAIT : Kind.PROCEED);
  }

  @Test
  void admissionRefusesAWaitThatDoesNotFitItsKind() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new Admission(Kind.WAIT, Duration.ZERO))
        .withMessageContaining("duration");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new Admission(Kind.PROCEED, Duration.ofMillis(1)));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new Admission(Kind.REJECT, Duration.ofMillis(-1)));
  }
}
