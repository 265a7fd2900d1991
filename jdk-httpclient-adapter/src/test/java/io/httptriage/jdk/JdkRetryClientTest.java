package io.httptriage.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.contract.ExchangeTap;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.contract.TestTls;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.observe.TriageEvent.AttemptDecided.Outcome;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries on the JDK client: cancellation, interruption and bodies that cannot be sent twice. */
class JdkRetryClientTest {
  private final TestServer server = TestServers.start();
  private final TestTls tls = TestTls.create();
  private final List<AttemptDecided> events = new CopyOnWriteArrayList<>();
  private final HeldScheduler scheduler = new HeldScheduler();

  @AfterEach
  void stop() {
    server.close();
    scheduler.shutdownNow();
  }

  private TriageHttpClient client(RedirectMode mode, UnaryOperator<RetrySettings.Builder> retry) {
    return client(mode, retry, events::add);
  }

  private TriageHttpClient client(
      RedirectMode mode,
      UnaryOperator<RetrySettings.Builder> retry,
      Consumer<AttemptDecided> attempts) {
    RetrySettings settings = retry.apply(RetrySettings.builder()).build();
    return JdkClients.client(
        TriageConfig.builder()
            .redirectMode(mode)
            .retry(settings)
            .scheduler(scheduler)
            .listener(ExchangeTap.withAttempts(attempts))
            .build(),
        tls);
  }

  private List<Outcome> outcomes() {
    return events.stream().map(AttemptDecided::outcome).toList();
  }

  @Test
  void cancellingTheFutureDuringTheWaitStopsFurtherAttempts() throws Exception {
    server.enqueue(Reply.status(503).header("Retry-After", "30"));
    server.enqueue(Reply.status(200));
    TriageHttpClient client = client(RedirectMode.CLIENT, UnaryOperator.identity());

    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(
            HttpRequest.newBuilder(server.url("/items")).build(), BodyHandlers.ofString());
    Runnable wait = scheduler.held.get(10, TimeUnit.SECONDS);
    future.cancel(true);
    wait.run(); // the wait runs out after the cancellation

    assertThat(future).isCancelled();
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(outcomes()).containsExactly(Outcome.RETRY_SCHEDULED, Outcome.CANCELLED);
  }

  @Test
  void interruptingSendDuringTheWaitThrowsInterruptedException() {
    server.enqueue(Reply.status(503).header("Retry-After", "30"));
    server.enqueue(Reply.status(200));
    // The listener runs on the sending thread just before it starts waiting.
    TriageHttpClient client =
        client(
            RedirectMode.CLIENT,
            b -> b,
            event -> {
              events.add(event);
              if (event.outcome() == Outcome.RETRY_SCHEDULED) {
                Thread.currentThread().interrupt();
              }
            });

    assertThatThrownBy(
            () ->
                client.send(
                    HttpRequest.newBuilder(server.url("/items")).build(), BodyHandlers.ofString()))
        .isInstanceOf(InterruptedException.class);

    assertThat(Thread.currentThread().isInterrupted())
        .as("cleared, as InterruptedException does")
        .isFalse();
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(outcomes()).containsExactly(Outcome.RETRY_SCHEDULED, Outcome.CANCELLED);
  }

  @Test
  void inputStreamBodyIsNeverSentTwice() throws Exception {
    server.enqueue(Reply.status(503).header("Retry-After", "0"));
    server.enqueue(Reply.status(201));
    TriageHttpClient client = client(RedirectMode.CLIENT, UnaryOperator.identity());
    byte[] order = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
    HttpRequest post =
        HttpRequest.newBuilder(server.url("/orders"))
            .header("Idempotency-Key", "order-1")
            .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(order)))
            .build();

    HttpResponse<String> response = client.send(post, BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(outcomes()).containsExactly(Outcome.BODY_NOT_REPLAYABLE);
  }

  @Test
  void byteArrayBodyIsSentAgain() throws Exception {
    server.enqueue(Reply.status(503).header("Retry-After", "0"));
    server.enqueue(Reply.status(201));
    TriageHttpClient client = client(RedirectMode.CLIENT, UnaryOperator.identity());
    HttpRequest post =
        HttpRequest.newBuilder(server.url("/orders"))
            .header("Idempotency-Key", "order-2")
            .POST(BodyPublishers.ofByteArray("{\"n\":2}".getBytes(StandardCharsets.UTF_8)))
            .build();

    HttpResponse<String> response = client.send(post, BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(server.take().body()).isEqualTo(server.take().body()).isEqualTo("{\"n\":2}");
  }

  @Test
  void policyModeDoesNotFollowATemporaryRedirectWithAOneShotBody() throws Exception {
    server.enqueue(Reply.status(307).header("Location", "/v2/orders"));
    server.enqueue(Reply.status(201));
    TriageHttpClient client = client(RedirectMode.POLICY, UnaryOperator.identity());
    HttpRequest post =
        HttpRequest.newBuilder(server.url("/orders"))
            .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[] {1})))
            .build();

    HttpResponse<String> response = client.send(post, BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(307);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  /** Holds the first retry wait instead of running it, so a test decides when it ends. */
  private static final class HeldScheduler extends ScheduledThreadPoolExecutor {
    final CompletableFuture<Runnable> held = new CompletableFuture<>();

    HeldScheduler() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      if (held.complete(command)) {
        return super.schedule(() -> {}, 1, TimeUnit.DAYS);
      }
      return super.schedule(command, 0, TimeUnit.NANOSECONDS);
    }
  }
}
