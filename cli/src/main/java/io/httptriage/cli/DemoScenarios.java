package io.httptriage.cli;

import static io.httptriage.cli.DemoServer.reply;

import io.httptriage.observe.TriageEvent.AttemptDecided;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;

/**
 * The demo's scenarios, one per headline feature, each scripted on the stage's servers and played
 * through the stage's client, so that the same list runs for every client.
 */
final class DemoScenarios {
  /** One scenario: a title, and what to send and say. */
  record Scenario(String title, Play play) {}

  /** Plays a scenario on a stage. */
  @FunctionalInterface
  interface Play {
    void play(DemoStage stage) throws IOException;
  }

  private static final String ORDER = "{\"item\":\"book\",\"qty\":1}";
  private static final int STORM_CALLS = 20;

  private DemoScenarios() {}

  static List<Scenario> all() {
    return List.of(
        new Scenario("429 with Retry-After, then success", DemoScenarios::rateLimited),
        new Scenario("a 503 storm cut short by the retry budget", DemoScenarios::storm),
        new Scenario("POST + 302: followed as GET, and reported", DemoScenarios::postFound),
        new Scenario("POST + 307: method and body preserved", DemoScenarios::postTemporaryRedirect),
        new Scenario("a cross-origin redirect carrying Authorization", DemoScenarios::crossOrigin),
        new Scenario("a response missing a required header", DemoScenarios::missingHeader));
  }

  private static void rateLimited(DemoStage s) throws IOException {
    s.home().script("/quota", reply(429, "Retry-After", "1"), reply(200));
    try (Probe probe = s.probe()) {
      s.print(probe.send(ProbeRequest.get(s.home().url("/quota"))));
    }
    s.note(
        "The GET waited the second the server asked for (RFC 6585 §4, RFC 9110 §10.2.3) and was sent again.");
  }

  private static void storm(DemoStage s) throws IOException {
    s.home().script("/storm", reply(503, "Retry-After", "1"));
    List<ProbeReport> reports = new ArrayList<>();
    try (Probe probe = s.probe(r -> r)) {
      for (int i = 0; i < STORM_CALLS; i++) {
        reports.add(probe.send(ProbeRequest.get(s.home().url("/storm"))));
      }
    }
    long scheduled = count(reports, AttemptDecided.Outcome.RETRY_SCHEDULED);
    long refused = count(reports, AttemptDecided.Outcome.GAVE_UP_BUDGET);
    long atOnce =
        reports.stream().filter(r -> r.retries().stream().noneMatch(e -> e.retries())).count();
    s.note(
        STORM_CALLS
            + " GETs, every one answered 503 with Retry-After: 1. Retries are earned by healthy"
            + " answers (half a retry each); in a total outage there are none, so only the floor of 1 retry a"
            + " second (10 over the 10-s window) is left.");
    s.note(
        "The server saw "
            + s.home().received("/storm").size()
            + " requests, not the "
            + 3 * STORM_CALLS
            + " that 3 attempts each would send: "
            + scheduled
            + " retries scheduled, "
            + refused
            + " refused by the budget (GAVE_UP_BUDGET). "
            + atOnce
            + " calls got their 503 back at once, "
            + (STORM_CALLS - atOnce)
            + " after retrying.");
  }

  private static void postFound(DemoStage s) throws IOException {
    s.home().script("/orders", reply(302, "Location", "/orders/42"));
    s.home().script("/orders/42", reply(200));
    try (Probe probe = s.probe()) {
      s.print(
          probe.send(
              ProbeRequest.withBody("POST", s.home().url("/orders"), "application/json", ORDER)));
    }
    s.note(
        "The server saw "
            + seen(s.home().received("/orders"))
            + ", then "
            + seen(s.home().received("/orders/42"))
            + ": a POST may become GET on 302 (RFC 9110 §15.4.3), but 303 or 307 would say what was meant.");
  }

  private static void postTemporaryRedirect(DemoStage s) throws IOException {
    s.home().script("/uploads", reply(307, "Location", "/v2/uploads"));
    s.home().script("/v2/uploads", reply(201, "Location", "/v2/uploads/7"));
    try (Probe probe = s.probe()) {
      s.print(
          probe.send(
              ProbeRequest.withBody("POST", s.home().url("/uploads"), "application/json", ORDER)));
    }
    s.note(
        "The server saw "
            + seen(s.home().received("/uploads"))
            + ", then "
            + seen(s.home().received("/v2/uploads"))
            + ": 307 keeps method and body (RFC 9110 §15.4.8).");
  }

  private static void crossOrigin(DemoStage s) throws IOException {
    URI landing = s.away().url("/welcome");
    s.home().script("/account", reply(302, "Location", landing.toString()));
    s.away().script("/welcome", reply(200));
    try (Probe probe = s.probe()) {
      s.print(
          probe.send(
              ProbeRequest.get(
                  s.home().url("/account"),
                  new ProbeRequest.Header("Authorization", "Bearer demo-token"))));
    }
    s.note(
        s.home().origin()
            + " received Authorization: "
            + yesNo(s.home().received("/account"))
            + "; "
            + s.away().origin()
            + " received it: "
            + yesNo(s.away().received("/welcome"))
            + ". Following by policy drops credentials when the origin changes (RFC 9110 §15.4);"
            + " a client that forwarded them would get a CREDENTIALS_CROSS_ORIGIN finding.");
  }

  private static void missingHeader(DemoStage s) throws IOException {
    s.home().script("/private", reply(401));
    try (Probe probe = s.probe()) {
      s.print(probe.send(ProbeRequest.get(s.home().url("/private"))));
    }
    s.note(
        "A 401 must carry a WWW-Authenticate challenge (RFC 9110 §15.5.2); `probe` exits with 1 on such a"
            + " VIOLATION.");
  }

  private static long count(List<ProbeReport> reports, AttemptDecided.Outcome outcome) {
    return reports.stream()
        .flatMap(r -> r.retries().stream())
        .filter(e -> e.outcome() == outcome)
        .count();
  }

  /** {@code POST /orders with a 24-byte body}, for each request received. */
  private static String seen(List<RecordedRequest> requests) {
    List<String> parts = new ArrayList<>();
    for (RecordedRequest r : requests) {
      parts.add(
          r.getMethod()
              + " "
              + r.getTarget()
              + (r.getBodySize() > 0
                  ? " with a " + r.getBodySize() + "-byte body"
                  : " without a body"));
    }
    return parts.isEmpty() ? "nothing" : String.join(" and ", parts);
  }

  private static String yesNo(List<RecordedRequest> requests) {
    return requests.stream().anyMatch(r -> r.getHeaders().get("Authorization") != null)
        ? "yes"
        : "no";
  }
}
