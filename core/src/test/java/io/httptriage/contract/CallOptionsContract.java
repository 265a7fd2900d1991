package io.httptriage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.AdapterContract.Answer;
import io.httptriage.contract.AdapterContract.Call;
import io.httptriage.finding.Finding;
import io.httptriage.listener.DefaultTriageListener;
import io.httptriage.policy.PolicyRule;
import io.httptriage.policy.PolicyTable;
import io.httptriage.policy.RedirectRule;
import io.httptriage.policy.Retryability;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.CallOptions;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Per-call options and minted idempotency keys, the same on every client: for each scenario the
 * number of requests the server received (and the {@code Idempotency-Key} each carried) is
 * asserted, on OkHttp execute/enqueue (5.x and 4.12) and JDK send/sendAsync. Options travel as each
 * client carries them: an OkHttp request tag, a JDK request from {@code
 * TriageHttpClient.withOptions}.
 *
 * <p>Waits go through a recording sleeper or scheduler that also moves a {@link ManualClock}, so
 * that deadlines pass as the waits add up and no test waits for time.
 */
public abstract class CallOptionsContract {
  /** The minted key: a UUID in the structured-field string form, quoted. */
  static final String MINTED =
      "\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"";

  /**
   * A real client of this adapter, and how it sends a call with options attached, as it carries
   * them.
   *
   * @param client the client, as the adapter contract builds it
   * @param sender sends one call with options and reads the whole response
   */
  public record OptionsClient(AdapterContract.ClientUnderTest client, Sender sender)
      implements AutoCloseable {
    /** Sends one call with {@code options} attached. */
    @FunctionalInterface
    public interface Sender {
      /** Sends {@code call} with {@code options} and reads the whole response. */
      Answer send(Call call, CallOptions options) throws IOException;
    }

    Answer send(Call call, CallOptions options) throws IOException {
      return sender.send(call, options);
    }

    @Override
    public void close() {
      client.close();
    }
  }

  /** A real client of this adapter with httptriage installed by {@code config}. */
  protected abstract OptionsClient newClient(TriageConfig config, TestTls tls);

  private final TestTls tls = TestTls.create();
  private final ManualClock clock = new ManualClock();
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final ScheduledExecutorService scheduler = new WaitRecordingScheduler(this::waited);
  private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private TestServer server;
  private TestServer other;

  @BeforeEach
  void start() {
    server = TestServers.start();
    other = TestServers.start();
  }

  @AfterEach
  void stop() {
    server.close();
    other.close();
    scheduler.shutdownNow();
  }

  private void waited(Duration d) {
    waits.add(d);
    clock.advance(d);
  }

  private TriageConfig config(
      UnaryOperator<RetrySettings.Builder> retry, UnaryOperator<TriageConfig.Builder> more) {
    RetrySettings.Builder settings = RetrySettings.builder().clock(clock).sleeper(this::waited);
    return more.apply(
            TriageConfig.builder()
                .retry(retry.apply(settings).build())
                // each call's own options are under test: calls in a row to one server must not
                // wait out the cool-down an earlier call's Retry-After started (CoolDownContract)
                .coolDown(false)
                .scheduler(scheduler)
                .listener(
                    ExchangeTap.with(
                        DefaultTriageListener.builder().meterRegistry(registry).build(),
                        (exchange, verdict, found) -> findings.addAll(found))))
        .build();
  }

  private TriageConfig defaults() {
    return config(UnaryOperator.identity(), UnaryOperator.identity());
  }

  private TriageConfig minting() {
    return config(UnaryOperator.identity(), b -> b.idempotencyKeys(true));
  }

  private static Call get(URI uri) {
    return new Call("GET", uri, List.of(), Optional.empty());
  }

  private static Call send(String method, URI uri, String... headers) {
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      pairs.add(new String[] {headers[i], headers[i + 1]});
    }
    return new Call(method, uri, pairs, Optional.of("{\"n\":1}"));
  }

  private List<Finding.Kind> findingKinds() {
    synchronized (findings) {
      return findings.stream().map(Finding::kind).toList();
    }
  }

  private List<Optional<String>> keysReceived() {
    List<Optional<String>> keys = new ArrayList<>();
    for (int i = server.requestCount(); i > 0; i--) {
      keys.add(server.take().headers().first("Idempotency-Key"));
    }
    return keys;
  }

  // ---- overrides ---------------------------------------------------------------------------

  @Test
  void noRetryOverrideSendsOnceWhereTheClientWouldRetry() throws IOException {
    server.enqueue(Reply.status(503));
    server.enqueue(Reply.status(503));
    server.enqueue(Reply.status(200).body("ok"));

    try (OptionsClient client = newClient(defaults(), tls)) {
      Answer answer = client.send(get(server.url("/items")), CallOptions.none().noRetry());

      assertThat(answer.status()).isEqualTo(503);
      assertThat(server.requestCount()).isEqualTo(1);
      assertThat(client.send(get(server.url("/items")), CallOptions.none()).status())
          .as("the next call, without options, retries as the client does")
          .isEqualTo(200);
    }
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void maxAttemptsOverrideLowersAndRaisesTheClientsAttempts() throws IOException {
    server.dispatch(recorded -> Reply.status(503));

    try (OptionsClient client = newClient(defaults(), tls)) {
      client.send(get(server.url("/a")), CallOptions.none().withMaxAttempts(2));
      assertThat(server.requestCount()).as("2 of the client's 3").isEqualTo(2);
      client.send(get(server.url("/b")), CallOptions.none().withMaxAttempts(5));
      assertThat(server.requestCount()).as("then 5 more").isEqualTo(7);
      client.send(get(server.url("/c")), CallOptions.none());
      assertThat(server.requestCount()).as("then the client's 3").isEqualTo(10);
    }
  }

  @Test
  void deadlineOverrideStopsRetriesWhenTheWaitsWouldPassIt() throws IOException {
    server.dispatch(recorded -> Reply.status(503).header("Retry-After", "1"));
    TriageConfig fiveAttempts = config(r -> r.maxAttempts(5), UnaryOperator.identity());

    try (OptionsClient client = newClient(fiveAttempts, tls)) {
      client.send(get(server.url("/a")), CallOptions.none().withDeadline(Duration.ofSeconds(1)));
      assertThat(server.requestCount()).as("a 1 s wait ends at the 1 s deadline").isEqualTo(1);
      client.send(get(server.url("/b")), CallOptions.none().withDeadline(Duration.ofMillis(2500)));
      assertThat(server.requestCount()).as("two 1 s waits fit in 2.5 s").isEqualTo(4);
      client.send(get(server.url("/c")), CallOptions.none());
      assertThat(server.requestCount()).as("the client's 60 s allow 5 attempts").isEqualTo(9);
    }
  }

  @Test
  void ruleOverrideRetriesA500ForOneCallOnly() throws IOException {
    server.dispatch(recorded -> Reply.status(500));
    CallOptions retry500 =
        CallOptions.none()
            .withRule(PolicyRule.forCode(500).withRetryability(Retryability.IDEMPOTENT));

    try (OptionsClient client = newClient(defaults(), tls)) {
      client.send(get(server.url("/a")), retry500);
      assertThat(server.requestCount()).as("retried by the call's rule").isEqualTo(3);
      client.send(get(server.url("/b")), CallOptions.none());
      assertThat(server.requestCount()).as("the next call: 500 is not retried").isEqualTo(4);
      client.send(get(server.url("/c")), retry500);
      assertThat(server.requestCount()).as("the same options again").isEqualTo(7);
    }
  }

  @Test
  void ruleOverrideReplacesTheClientsRuleForTheCodesItMatches() throws IOException {
    server.dispatch(recorded -> Reply.status(503));
    TriageConfig retryOn503 =
        config(
            UnaryOperator.identity(),
            b -> b.policyTable(PolicyTable.builder().retryOn(503).build()));
    CallOptions never503 =
        CallOptions.none().withRule(PolicyRule.forCode(503).withRetryability(Retryability.NEVER));

    try (OptionsClient client = newClient(retryOn503, tls)) {
      client.send(get(server.url("/a")), never503);
      assertThat(server.requestCount()).isEqualTo(1);
      client.send(get(server.url("/b")), CallOptions.none());
      assertThat(server.requestCount()).isEqualTo(4);
    }
  }

  @Test
  void ruleOverrideCannotFollowAnHttpsToHttpRedirect() throws IOException {
    server.useHttps(tls.serverSockets());
    server.enqueue(Reply.status(301).header("Location", other.url("/plain").toString()));
    other.enqueue(Reply.status(200).body("plain text"));
    CallOptions follow301 =
        CallOptions.none().withRule(PolicyRule.forCode(301).withRedirect(RedirectRule.FOLLOW));
    TriageConfig policy =
        config(UnaryOperator.identity(), b -> b.redirectMode(RedirectMode.POLICY));

    try (OptionsClient client = newClient(policy, tls)) {
      Answer answer = client.send(get(server.url("/secure")), follow301);

      assertThat(answer.status()).isEqualTo(301);
    }
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(other.requestCount()).isZero();
    assertThat(findingKinds()).contains(Finding.Kind.REDIRECT_NOT_FOLLOWED);
  }

  // ---- idempotency keys --------------------------------------------------------------------

  @Test
  void mintedKeyIsSentIdenticallyOnEveryAttemptOfAPost() throws IOException {
    server.enqueue(Reply.status(503));
    server.enqueue(Reply.status(200).body("made"));

    try (OptionsClient client = newClient(minting(), tls)) {
      Answer answer = client.send(send("POST", server.url("/orders")), CallOptions.none());

      assertThat(answer.status()).isEqualTo(200);
    }
    List<Optional<String>> keys = keysReceived();
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0)).hasValueSatisfying(k -> assertThat(k).matches(MINTED));
    assertThat(keys.get(1)).isEqualTo(keys.get(0));
  }

  @ParameterizedTest
  @EnumSource(RedirectMode.class)
  void mintedKeyIsSentAgainOnA307HopThatResendsTheBody(RedirectMode mode) throws IOException {
    server.enqueue(Reply.status(307).header("Location", "/moved"));
    server.enqueue(Reply.status(201).body("made"));

    try (OptionsClient client =
        newClient(
            config(UnaryOperator.identity(), b -> b.idempotencyKeys(true).redirectMode(mode)),
            tls)) {
      assertThat(client.send(send("POST", server.url("/orders")), none()).status()).isEqualTo(201);
    }
    Recorded first = server.take();
    Recorded moved = server.take();
    assertThat(moved.path()).isEqualTo("/moved");
    assertThat(moved.body()).isEqualTo(first.body()).isNotEmpty();
    assertThat(moved.headers().first("Idempotency-Key"))
        .isEqualTo(first.headers().first("Idempotency-Key"))
        .hasValueSatisfying(k -> assertThat(k).matches(MINTED));
  }

  @Test
  void eachCallGetsItsOwnKeyAndOnlyPostAndPatchGetOne() throws IOException {
    List<Recorded> received = Collections.synchronizedList(new ArrayList<>());
    server.dispatch(
        recorded -> {
          received.add(recorded);
          return Reply.status(200);
        });
    try (OptionsClient client = newClient(minting(), tls)) {
      client.send(send("POST", server.url("/a")), CallOptions.none());
      client.send(send("POST", server.url("/b")), CallOptions.none());
      client.send(send("PATCH", server.url("/c")), CallOptions.none());
      client.send(send("PUT", server.url("/d")), CallOptions.none());
      client.send(get(server.url("/e")), CallOptions.none());
    }
    List<Optional<String>> keys =
        received.stream().map(r -> r.headers().first("Idempotency-Key")).toList();
    assertThat(keys).hasSize(5);
    assertThat(keys.subList(0, 3)).allSatisfy(k -> assertThat(k).get().asString().matches(MINTED));
    assertThat(keys.subList(0, 3)).doesNotHaveDuplicates();
    assertThat(keys.subList(3, 5)).containsOnly(Optional.empty());
  }

  @Test
  void usersKeyIsNeverReplaced() throws IOException {
    server.enqueue(Reply.status(503));
    server.enqueue(Reply.status(201));

    try (OptionsClient client = newClient(minting(), tls)) {
      client.send(send("POST", server.url("/orders"), "Idempotency-Key", "\"mine\""), none());
    }
    assertThat(keysReceived()).containsExactly(Optional.of("\"mine\""), Optional.of("\"mine\""));
  }

  @Test
  void withoutMintingAPostIsNeitherKeyedNorRetried() throws IOException {
    server.enqueue(Reply.status(503));

    try (OptionsClient client = newClient(defaults(), tls)) {
      assertThat(client.send(send("POST", server.url("/orders")), none()).status()).isEqualTo(503);
    }
    assertThat(keysReceived()).containsExactly(Optional.empty());
  }

  @Test
  void conflictWhileTheKeyIsInFlightIsRetriedAfterTheWait() throws IOException {
    server.enqueue(Reply.status(409).header("Retry-After", "2"));
    server.enqueue(Reply.status(201).body("made"));

    try (OptionsClient client = newClient(minting(), tls)) {
      Answer answer = client.send(send("POST", server.url("/orders")), none());

      assertThat(answer.status()).isEqualTo(201);
    }
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    List<Optional<String>> keys = keysReceived();
    assertThat(keys.get(1)).isEqualTo(keys.get(0)).isPresent();
  }

  @Test
  void conflictIsNotRetriedWithoutMintingNorForAPut() throws IOException {
    server.dispatch(recorded -> Reply.status(409));

    try (OptionsClient plain = newClient(defaults(), tls)) {
      plain.send(send("POST", server.url("/a"), "Idempotency-Key", "\"k1\""), none());
    }
    assertThat(server.requestCount()).as("a 409 is a conflict by default").isEqualTo(1);
    try (OptionsClient client = newClient(minting(), tls)) {
      client.send(send("PUT", server.url("/b")), none());
    }
    assertThat(server.requestCount()).as("a PUT's 409 is a real conflict").isEqualTo(2);
  }

  @Test
  void keyReusedWithAnotherPayloadIsNotRetriedAndReported() throws IOException {
    server.dispatch(recorded -> Reply.status(422));

    try (OptionsClient client = newClient(minting(), tls)) {
      Answer answer =
          client.send(send("POST", server.url("/orders"), "Idempotency-Key", "\"k2\""), none());

      assertThat(answer.status()).isEqualTo(422);
    }
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(findingKinds()).containsExactly(Finding.Kind.IDEMPOTENCY_KEY_REUSED);
  }

  @Test
  void keyRequiredAnswerIsReported() throws IOException {
    server.dispatch(
        recorded ->
            Reply.status(400)
                .header(
                    "Link",
                    "<https://developer.example.com/idempotency>; rel=\"describedby\";"
                        + " type=\"text/html\""));

    try (OptionsClient client = newClient(defaults(), tls)) {
      client.send(send("POST", server.url("/orders")), none());
    }
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(findingKinds()).containsExactly(Finding.Kind.IDEMPOTENCY_KEY_REQUIRED);
  }

  @Test
  void aBadRequestThatSaysNothingOfKeysIsNoFinding() throws IOException {
    server.dispatch(recorded -> Reply.status(400).header("Link", "<https://example.com/help>"));

    try (OptionsClient client = newClient(defaults(), tls)) {
      client.send(send("POST", server.url("/orders")), none());
      client.send(send("POST", server.url("/orders"), "Idempotency-Key", "\"k3\""), none());
    }
    assertThat(findingKinds()).isEmpty();
  }

  private static CallOptions none() {
    return CallOptions.none();
  }
}
