package io.httptriage.cooldown;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.cooldown.Admission.Kind;
import io.httptriage.exchange.Origin;
import io.httptriage.headers.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class OriginCoolDownsProperties {
  private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
  private static final List<Origin> ORIGINS =
      List.of(
          OriginCoolDownsTest.origin("https://a.example/"),
              OriginCoolDownsTest.origin("https://b.example/"),
          OriginCoolDownsTest.origin("http://[::1]:8080/"),
              OriginCoolDownsTest.origin("http://c.example:81/"));

  /**
   * One step of a caller: admit, record an answer, or abandon a probe, some time after the last.
   */
  record Step(
      int kind,
      int origin,
      long advanceMillis,
      int status,
      Optional<Duration> pause,
      Duration patience) {}

  @Property // jqwik.tries.default: 1 000 tries, 10 000 with -Psoak
  void neverWaitsPastTheCapOrThePatienceAndForgetsEveryPauseAfterTheCap(
      @ForAll("settings") CoolDownSettings settings,
      @ForAll("steps") List<Step> steps,
      @ForAll long seed) {
    OriginCoolDowns c = OriginCoolDowns.of(settings.toBuilder().random(new Random(seed)).build());
    long cap = settings.maxCoolDown().toMillis();
    long jitter = settings.jitter().toMillis();
    Instant now = T0;
    Instant latest = T0;
    for (Step s : steps) {
      now = now.plusMillis(s.advanceMillis());
      latest = now.isAfter(latest) ? now : latest;
      Origin origin = ORIGINS.get(s.origin());
      switch (s.kind()) {
        case 0 -> {
          Admission a = c.admit(origin, now, s.patience());
          long patience =
              s.patience().isNegative()
                  ? 0
                  : s.patience().compareTo(Duration.ofDays(365)) > 0
                      ? Long.MAX_VALUE
                      : s.patience().toMillis();
          switch (a.kind()) {
            case WAIT ->
                assertThat(a.duration().toMillis())
                    .isPositive()
                    .isLessThanOrEqualTo(patience)
                    .isLessThanOrEqualTo(
                        Math.max(cap, OriginCoolDowns.MIN_RECHECK_MILLIS) + jitter);
            case REJECT ->
                assertThat(a.duration().toMillis())
                    .isNotNegative()
                    .isLessThanOrEqualTo(
                        Math.max(cap, OriginCoolDowns.MIN_RECHECK_MILLIS + jitter));
            default -> assertThat(a.duration()).isZero();
          }
        }
        case 1 ->
            c.record(origin, s.status(), s.pause(), now)
                .ifPresent(d -> assertThat(d.toMillis()).isPositive().isLessThanOrEqualTo(cap));
        default -> c.abandon(origin, now);
      }
      assertThat(c.size()).isLessThanOrEqualTo(settings.maxOrigins());
    }
    long free = Math.max(cap, settings.probeTimeout().toMillis()) + 1;
    for (Origin origin : ORIGINS) {
      assertThat(c.admit(origin, latest.plusMillis(free), Duration.ZERO).kind())
          .isIn(Kind.PROCEED, Kind.PROBE);
    }
  }

  @Property // jqwik.tries.default
  void oneProbeAtATime(
      @ForAll @IntRange(min = 2, max = 50) int callers,
      @ForAll @LongRange(min = 1, max = 30_000) long pause,
      @ForAll @LongRange(min = 0, max = 9_999) long spread,
      @ForAll long seed) {
    OriginCoolDowns c =
        OriginCoolDowns.of(CoolDownSettings.builder().random(new Random(seed)).build());
    Origin origin = ORIGINS.get(0);
    c.record(origin, 429, Optional.of(Duration.ofMillis(pause)), T0);
    long[] arrivals = new Random(seed).longs(callers, 0, spread + 1).sorted().toArray();

    int probes = 0;
    for (long arrival : arrivals) {
      Instant at = T0.plusMillis(pause + arrival);
      if (c.admit(origin, at, Duration.ofSeconds(60)).kind() == Kind.PROBE) {
        probes++;
      }
    }

    assertThat(probes).isEqualTo(1); // the probe timeout, 10 s, outlasts every arrival
  }

  @Property // jqwik.tries.default
  void anXRateLimitResetNeverHoldsAnOriginPastTheCap(
      @ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long reset,
      @ForAll @LongRange(min = 0, max = 99_999_999_999L) long nowSeconds,
      @ForAll @LongRange(min = 1, max = 120_000) long capMillis) {
    Instant now = Instant.ofEpochSecond(nowSeconds);
    CoolDownSettings settings =
        CoolDownSettings.builder()
            .maxCoolDown(Duration.ofMillis(capMillis))
            .jitter(Duration.ZERO)
            .build();
    OriginCoolDowns c = OriginCoolDowns.of(settings);
    Origin origin = ORIGINS.get(1);

    Optional<Duration> wait =
        RateLimit.parseXRateLimit("0", Long.toString(reset), now).exhaustedWait();
    c.record(origin, 429, wait, now);

    assertThat(wait).isPresent();
    Admission a = c.admit(origin, now, Duration.ofDays(1));
    assertThat(a.duration()).isLessThanOrEqualTo(Duration.ofMillis(capMillis));
    assertThat(c.admit(origin, now.plusMillis(capMillis), Duration.ZERO).kind())
        .isIn(Kind.PROCEED, Kind.PROBE);
  }

  @Provide
  Arbitrary<CoolDownSettings> settings() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.longs().between(1, 60_000),
            Arbitraries.longs().between(0, 1_000),
            Arbitraries.longs().between(1, 20_000),
            Arbitraries.longs().between(0, 120_000))
        .as(
            (origins, cap, jitter, probe, forget) ->
                CoolDownSettings.builder()
                    .maxOrigins(origins)
                    .maxCoolDown(Duration.ofMillis(cap))
                    .jitter(Duration.ofMillis(jitter))
                    .probeTimeout(Duration.ofMillis(probe))
                    .forgetAfter(Duration.ofMillis(forget))
                    .build());
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    // Mostly small steps, some long ones, and a clock that sometimes steps back.
    Arbitrary<Long> advance =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 2_000), Arbitraries.longs().between(0, 2_000),
            Arbitraries.longs().between(0, 200_000), Arbitraries.longs().between(-3_600_000, 0));
    Arbitrary<Optional<Duration>> wait =
        Arbitraries.oneOf(
            Arbitraries.just(Optional.<Duration>empty()),
            Arbitraries.longs()
                .between(-5_000, 90_000)
                .map(ms -> Optional.of(Duration.ofMillis(ms))),
            Arbitraries.longs()
                .between(0, Long.MAX_VALUE)
                .map(s -> Optional.of(Duration.ofSeconds(s))));
    Arbitrary<Duration> patience =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-1_000, 120_000).map(Duration::ofMillis),
            Arbitraries.longs().map(Duration::ofSeconds));
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, ORIGINS.size() - 1),
            advance,
            Arbitraries.of(200, 429, 503, 500, 404),
            wait,
            patience)
        .as(Step::new)
        .list()
        .ofMaxSize(40);
  }
}
