package io.httptriage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.httptriage.classify.FailureKind;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.TriageConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transport failures on a real client: for each failure kind and method, how many connection
 * attempts the client made, and which {@link FailureKind} the exception the caller got falls in.
 * Each client and way of sending subclasses this once (bare clients too, as the oracle of what the
 * client does by itself).
 *
 * <p>Attempts are counted where they can be seen: the server's accepted connections for a reset, a
 * silent server and a TLS client meeting plain TCP; the client's own count (OkHttp's {@code
 * EventListener.connectStart}) for a refused port, a full accept queue and an unknown host, which
 * no server sees. Where neither can see them (the JDK client on a refused port), the expected count
 * comes from the client's source and the test asserts only the failure kind.
 *
 * <p><b>Before and after.</b> A bare client's {@link #expectedAttempts} is its CHARACTERIZATION:
 * what it does by itself, the "before" oracle ({@code OkHttpTransportFailures}, {@code
 * JdkTransportFailures}). A client with httptriage expects {@link #withHttptriage}: one table for
 * every client, with httptriage's defaults (3 attempts, RFC 9110 §9.2.2 deciding which failures are
 * retried) and no retry of the client's stacked under httptriage's own.
 *
 * <p>The timeout a scenario runs into is a few hundred milliseconds; the others are long and never
 * reached. Every address is 127.0.0.1, or a {@code .invalid} name, which no resolver answers.
 */
public abstract class TransportFailureContract {
  /** The connect timeout of a client meeting {@link Failure#CONNECT_TIMEOUT}. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);

  /**
   * The read timeout (the JDK client's request timeout) of a client meeting {@link
   * Failure#NO_ANSWER}.
   */
  public static final Duration READ_TIMEOUT = Duration.ofMillis(500);

  /**
   * Both timeouts of a client meeting any other failure: long enough that a slow first TLS
   * handshake on a busy machine never turns into a timeout, and never waited for.
   */
  public static final Duration UNHURRIED = Duration.ofSeconds(5);

  private static final Duration NO_HANG = Duration.ofSeconds(15);

  /** A name under RFC 6761's reserved {@code .invalid}: it never resolves. */
  private static final String UNRESOLVABLE = "http://no-such-host.invalid/";

  /**
   * The "method" of a POST that carries an {@code Idempotency-Key}, which makes it retryable after
   * a failure that got no response (RFC 9110 §9.2.2).
   */
  public static final String KEYED_POST = "POST+Idempotency-Key";

  /** How an attempt fails, with the kind its exception must fall in. */
  public enum Failure {
    /** Nobody listens on the port. */
    REFUSED(FailingServer.Behaviour.REFUSED, FailureKind.NOT_SENT),
    /** The listener's accept queue is full: the SYN is dropped and the connect times out. */
    CONNECT_TIMEOUT(FailingServer.Behaviour.ACCEPT_QUEUE_FULL, FailureKind.NOT_SENT),
    /** The host name does not resolve. */
    UNKNOWN_HOST(null, FailureKind.NOT_SENT),
    /** The server reads the request and resets the connection. */
    RESET(FailingServer.Behaviour.RESET, FailureKind.SENT_NO_RESPONSE),
    /**
     * The request goes out on a pooled connection the server has dropped: end of stream before any
     * response byte. Counted as the requests the server received for the call (the pooled
     * connection was made by an earlier, successful call).
     */
    EOF_ON_REUSE(FailingServer.Behaviour.EOF_ON_REUSE, FailureKind.SENT_NO_RESPONSE),
    /** The server reads the request and never answers: the read times out. */
    NO_ANSWER(FailingServer.Behaviour.NO_ANSWER, FailureKind.SENT_NO_RESPONSE),
    /** An https URL whose server speaks plain HTTP: the TLS handshake fails. */
    TLS_HANDSHAKE(FailingServer.Behaviour.PLAIN_TO_TLS, FailureKind.NEVER_RETRIED),
    /** An https server whose self-signed certificate the client does not trust. */
    UNTRUSTED_CERTIFICATE(FailingServer.Behaviour.UNTRUSTED_TLS, FailureKind.NEVER_RETRIED);

    private final FailingServer.Behaviour behaviour;
    private final FailureKind kind;

    Failure(FailingServer.Behaviour behaviour, FailureKind kind) {
      this.behaviour = behaviour;
      this.kind = kind;
    }

    /** The kind the caller's exception must be classified as. */
    public FailureKind kind() {
      return kind;
    }
  }

  /** A real client, built with the timeouts {@link #newClient} was given. */
  public interface FailingClient extends AutoCloseable {
    /**
     * Sends one request ({@code POST} with a small JSON body, {@link #KEYED_POST} with an {@code
     * Idempotency-Key} too) and reads the whole response; throws what the caller of this client and
     * way of sending gets, unwrapped from an async future.
     */
    void send(String method, URI uri) throws Exception;

    /** The connection attempts the client itself counted, or -1 when it cannot count them. */
    int connectAttempts();

    @Override
    void close();
  }

  /**
   * A new client of this kind and way of sending, with these timeouts; {@code readTimeout} is the
   * JDK client's request timeout.
   */
  protected abstract FailingClient newClient(Duration connectTimeout, Duration readTimeout);

  /**
   * The connection attempts this client makes for this failure and method, counted by the server,
   * by the client, or (where neither can) read from the client's source: a bare client's
   * CHARACTERIZATION, or {@link #withHttptriage} for a client with httptriage.
   */
  protected abstract int expectedAttempts(Failure failure, String method);

  /**
   * How many attempts more than {@link #expectedAttempts} a race inside the client may add: 0
   * unless a subclass knows of one, and says which.
   */
  protected int raceMayAdd(Failure failure, String method) {
    return 0;
  }

  /**
   * AFTER #15: the connection attempts of any client with httptriage's defaults, the same on every
   * client and way of sending. A request that never left is retried whatever its method (3
   * attempts; none reaches a server for an unknown host); one that got no response only when
   * idempotent or carrying an Idempotency-Key; a TLS failure never. A GET whose connection closed
   * before any response byte (reset, dropped pooled connection) is resent once at once, a pair of
   * attempts, and retried after a backoff only when another pair fits: 2 of the 3 allowed. The JDK
   * client makes that resend itself, which no setting turns off; on OkHttp core makes it. A read
   * timeout is not paired (3), nor is a POST with an Idempotency-Key (3); a POST without one is
   * never repeated after no response (1).
   */
  public static int withHttptriage(Failure failure, String method) {
    boolean get = method.equals("GET");
    if (method.equals(KEYED_POST)) {
      // retried like a GET, but never paired: the JDK does not resend a POST by itself
      return failure == Failure.UNKNOWN_HOST
          ? 0
          : failure.kind() == FailureKind.NEVER_RETRIED ? 1 : 3;
    }
    switch (failure) {
      case REFUSED:
      case CONNECT_TIMEOUT:
        return 3;
      case UNKNOWN_HOST:
        return 0;
      case RESET:
      case EOF_ON_REUSE:
        return get ? 2 : 1;
      case NO_ANSWER:
        return get ? 3 : 1;
      default:
        return 1;
    }
  }

  /**
   * This client with httptriage configured by {@code config}, for the scenarios that need other
   * settings than {@link #config()}; null for a bare client, whose subclass skips them.
   */
  protected FailingClient newClient(
      Duration connectTimeout, Duration readTimeout, TriageConfig config) {
    return null;
  }

  /**
   * httptriage's configuration for the clients that install it: the defaults, with retry waits that
   * do not wait, so that no test waits for time once transport failures are retried.
   */
  public static TriageConfig config() {
    return TriageConfig.builder().retry(RetrySettings.builder().sleeper(d -> {}).build()).build();
  }

  @BeforeAll
  static void invalidNamesDoNotResolveHere() {
    boolean resolved;
    try {
      InetAddress.getAllByName("no-such-host.invalid");
      resolved = true;
    } catch (UnknownHostException expected) {
      resolved = false;
    }
    Assumptions.assumeFalse(resolved, "this machine's resolver answers for .invalid names");
  }

  static Stream<Arguments> failuresAndMethods() {
    List<Arguments> all = new ArrayList<>();
    for (Failure f : Failure.values()) {
      for (String method : List.of("GET", "POST", KEYED_POST)) {
        all.add(Arguments.of(f, method));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("failuresAndMethods")
  void failureFallsInItsKindAfterTheExpectedAttempts(Failure failure, String method) {
    try (FailingServer server =
            failure.behaviour == null ? null : FailingServer.start(failure.behaviour);
        FailingClient client =
            newClient(
                failure == Failure.CONNECT_TIMEOUT ? CONNECT_TIMEOUT : UNHURRIED,
                failure == Failure.NO_ANSWER ? READ_TIMEOUT : UNHURRIED)) {
      URI uri = uri(failure, server);
      if (failure == Failure.EOF_ON_REUSE) {
        // an earlier call leaves the connection in the client's pool
        assertTimeoutPreemptively(NO_HANG, () -> client.send("GET", server.url("/first")));
      }

      Throwable thrown =
          assertTimeoutPreemptively(
              NO_HANG,
              () -> {
                try {
                  client.send(method, uri);
                } catch (Exception e) {
                  return e;
                }
                return fail("expected %s to fail on %s", method, uri);
              });

      int expected = expectedAttempts(failure, method);
      String countedBy;
      int counted;
      if (failure == Failure.EOF_ON_REUSE) {
        countedBy = "server, requests";
        counted = server.requestHeadCount() - 1;
      } else if (server != null && server.connectionsVisible()) {
        countedBy = "server";
        counted = server.connectionCount();
      } else if (client.connectAttempts() >= 0) {
        countedBy = "client";
        counted = client.connectAttempts();
      } else {
        countedBy = "source";
        counted = expected;
      }
      String connections =
          server == null || !server.connectionsVisible()
              ? "-"
              : Integer.toString(server.connectionCount());
      System.out.printf(
          Locale.ROOT,
          "transport-failure | %s | %s | %s | %d (%s) | %s | %s%n",
          getClass().getSimpleName(),
          failure,
          method,
          counted,
          countedBy,
          connections,
          describe(thrown, uri));

      assertThat(FailureKind.of(thrown)).as("kind of %s", thrown).isEqualTo(failure.kind());
      assertThat(counted)
          .as("connection attempts (counted by the %s) for %s %s", countedBy, failure, method)
          .isBetween(expected, expected + raceMayAdd(failure, method));
    }
  }

  /**
   * A GET answered by a reset costs pairs of attempts, the same on every client: the JDK resends
   * each dropped send itself, core resends it on OkHttp, and a backoff retry between pairs is made
   * only when another pair fits. With 4 attempts that is two pairs, 4 connections. With 1 attempt
   * it is still one pair, 2 connections: the JDK client resends a dropped GET whatever its
   * settings, so core makes the same resend on OkHttp. The meters say the same on every client: the
   * resends at once count as attempts, not as retry decisions (the JDK's cannot be seen as one), so
   * only the backoff retry between pairs is a scheduled retry.
   */
  @ParameterizedTest(name = "{0} attempts: {1} connections, {2} retries scheduled")
  @CsvSource({"1, 2, 0", "4, 4, 1"})
  void aResetGetCostsPairsOfAttempts(int maxAttempts, int connections, int scheduled) {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    TriageConfig config =
        TriageConfig.builder()
            .retry(RetrySettings.builder().maxAttempts(maxAttempts).sleeper(d -> {}).build())
            .meterRegistry(meters)
            .build();
    try (FailingServer server = FailingServer.start(FailingServer.Behaviour.RESET);
        FailingClient client = newClient(UNHURRIED, UNHURRIED, config)) {
      Assumptions.assumeTrue(client != null, "a bare client has no attempts to configure");
      URI uri = server.url("/items");

      Throwable thrown =
          assertTimeoutPreemptively(
              NO_HANG,
              () -> {
                try {
                  client.send("GET", uri);
                } catch (Exception e) {
                  return e;
                }
                return fail("expected GET to fail on %s", uri);
              });

      assertThat(FailureKind.of(thrown)).isEqualTo(FailureKind.SENT_NO_RESPONSE);
      assertThat(server.connectionCount())
          .as("connections for a reset GET of %d attempts", maxAttempts)
          .isEqualTo(connections);
      assertThat(retries(meters, "RETRY_SCHEDULED")).isEqualTo(scheduled);
      assertThat(retries(meters, "GAVE_UP_ATTEMPTS")).isEqualTo(1);
      assertThat(meters.get("httptriage.call.attempts").summary().totalAmount())
          .as("attempts the call counted")
          .isEqualTo(connections);
    }
  }

  /** The retry decisions of this outcome about a failure that got no response. */
  private static double retries(SimpleMeterRegistry meters, String outcome) {
    return meters
        .find("httptriage.retries")
        .tag("outcome", outcome)
        .tag("error", "sent_no_response")
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private static URI uri(Failure failure, FailingServer server) {
    if (failure == Failure.UNKNOWN_HOST) {
      return URI.create(UNRESOLVABLE + "items");
    }
    boolean tls = failure == Failure.TLS_HANDSHAKE || failure == Failure.UNTRUSTED_CERTIFICATE;
    return tls ? server.httpsUrl("/items") : server.url("/items");
  }

  /** The exception as the caller sees it, without the port, which changes from run to run. */
  private static String describe(Throwable thrown, URI uri) {
    StringBuilder text =
        new StringBuilder(thrown.getClass().getName()).append(": ").append(thrown.getMessage());
    Throwable cause = thrown.getCause();
    if (cause != null && cause != thrown) {
      text.append(" <- ")
          .append(cause.getClass().getName())
          .append(": ")
          .append(cause.getMessage());
    }
    if (thrown.getSuppressed().length > 0) {
      text.append(" [suppressed: ").append(thrown.getSuppressed().length).append(']');
    }
    String port = uri.getPort() < 0 ? null : Integer.toString(uri.getPort());
    return port == null ? text.toString() : text.toString().replace(port, "PORT");
  }
}
