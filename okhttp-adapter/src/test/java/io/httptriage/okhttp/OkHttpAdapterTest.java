package io.httptriage.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.contract.ExchangeTap;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.contract.TestTls;
import io.httptriage.finding.Finding;
import io.httptriage.observe.TriageEvent.AttemptDecided;
import io.httptriage.retry.RetrySettings;
import io.httptriage.retry.Sleeper;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the OkHttp adapter must do beyond the shared contract. */
class OkHttpAdapterTest {
  private final TestTls tls = TestTls.create();
  private final List<AttemptDecided> events = Collections.synchronizedList(new ArrayList<>());
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServers.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TriageConfig config(Sleeper sleeper) {
    return TriageConfig.builder()
        .retry(RetrySettings.builder().sleeper(sleeper).build())
        .listener(ExchangeTap.withAttempts(events::add))
        .build();
  }

  @Test
  void runsOnTheExpectedOkHttpLine() {
    String version = OkHttpVersion.running();
    assertThat(version).matches("\\d+\\.\\d+.*");
    String expectedMajor = System.getProperty("httptriage.expectedOkHttpMajor", "5");
    assertThat(version).startsWith(expectedMajor + ".");
  }

  @Test
  void oneShotBodyIsNeverSentTwice() throws IOException {
    server.enqueue(Reply.status(503));
    server.enqueue(Reply.status(200));
    OkHttpClient client = OkHttpClients.client(config(d -> {}), tls);
    RequestBody oneShot =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("text/plain");
          }

          @Override
          public void writeTo(BufferedSink sink) throws IOException {
            sink.writeUtf8("once");
          }

          @Override
          public boolean isOneShot() {
            return true;
          }
        };
    Request put = new Request.Builder().url(server.url("/doc").toString()).put(oneShot).build();

    try (Response response = client.newCall(put).execute()) {
      assertThat(response.code()).isEqualTo(503);
    }
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(events)
        .extracting(AttemptDecided::outcome)
        .containsExactly(AttemptDecided.Outcome.BODY_NOT_REPLAYABLE);
  }

  @Test
  void cancelEndsAPendingRetryWait() throws Exception {
    server.enqueue(Reply.status(503).header("Retry-After", "25"));
    server.enqueue(Reply.status(200));
    CountDownLatch waiting = new CountDownLatch(1);
    Sleeper untilCancelled =
        new Sleeper() {
          @Override
          public void sleep(Duration duration) {
            throw new AssertionError("the adapter must pass its cancellation to the sleeper");
          }

          @Override
          public void sleep(Duration duration, BooleanSupplier cancelled)
              throws InterruptedException {
            waiting.countDown();
            Sleeper.system().sleep(duration, cancelled);
          }
        };
    OkHttpClient client = OkHttpClients.client(config(untilCancelled), tls);
    Call call = client.newCall(new Request.Builder().url(server.url("/slow").toString()).build());
    CompletableFuture<Void> done =
        CompletableFuture.runAsync(
            () -> {
              assertThatThrownBy(call::execute)
                  .isInstanceOf(IOException.class)
                  .hasMessageContaining("Canceled");
            });

    assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
    call.cancel();

    done.get(5, TimeUnit.SECONDS);
    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(events)
        .extracting(AttemptDecided::outcome)
        .contains(AttemptDecided.Outcome.CANCELLED);
  }

  /**
   * The guard against OkHttp's own resending on 408 and 503 leaves its other follow-ups alone: an
   * authenticator still answers a 401 challenge to a POST by sending it again, body and all.
   */
  @Test
  void postStillAnswersAnAuthenticationChallenge() throws IOException {
    server.enqueue(Reply.status(401).header("WWW-Authenticate", "Basic realm=\"orders\""));
    server.enqueue(Reply.status(201).body("created"));
    OkHttpClient client =
        TriageInterceptor.install(new OkHttpClient.Builder(), config(d -> {}))
            .authenticator(
                (route, response) ->
                    response
                        .request()
                        .newBuilder()
                        .header("Authorization", "Basic b3JkZXJzOnNlY3JldA==")
                        .build())
            .build();
    Request post =
        new Request.Builder()
            .url(server.url("/orders").toString())
            .post(RequestBody.create("{\"n\":1}", MediaType.get("application/json")))
            .build();

    try (Response response = client.newCall(post).execute()) {
      assertThat(response.code()).isEqualTo(201);
    }
    server.take();
    assertThat(server.take().body()).isEqualTo("{\"n\":1}");
    assertThat(client.networkInterceptors()).hasSize(1).allMatch(NetworkShield.class::isInstance);
  }

  /**
   * Regression: HttpUrl refuses hosts java.net.URI accepts — an IPv6 zone id on 4.12 and 5.x alike
   * — and the call used to fail with its IllegalArgumentException.
   */
  @Test
  void policyModeHandsBackARedirectToAHostOkHttpRefuses() throws IOException {
    server.enqueue(
        Reply.status(302).header("Location", "http://[::1%25eth0]:1/next").body("moved"));
    OkHttpClient client =
        OkHttpClients.client(TriageConfig.builder().redirectMode(RedirectMode.POLICY).build(), tls);

    try (Response response =
        client
            .newCall(new Request.Builder().url(server.url("/start").toString()).build())
            .execute()) {
      assertThat(response.code()).isEqualTo(302);
      assertThat(response.body().string()).isEqualTo("moved");
    }
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void cookieJarCookieCarriedToAnotherOriginIsSeenByTheAudit() throws IOException {
    try (TestServer other = TestServers.start()) {
      server.enqueue(Reply.status(302).header("Location", other.url("/landing").toString()));
      other.enqueue(Reply.status(200).body("landed"));
      List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
      TriageConfig config =
          TriageConfig.builder()
              .listener(
                  ExchangeTap.withDefaults((exchange, verdict, found) -> findings.addAll(found)))
              .build();
      CookieJar everywhere =
          new CookieJar() {
            @Override
            public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {}

            @Override
            public List<Cookie> loadForRequest(HttpUrl url) {
              return List.of(
                  new Cookie.Builder().name("sid").value("s3cret").domain(url.host()).build());
            }
          };
      OkHttpClient client =
          TriageInterceptor.install(new OkHttpClient.Builder(), config)
              .cookieJar(everywhere)
              .build();

      try (Response r =
          client
              .newCall(new Request.Builder().url(server.url("/start").toString()).build())
              .execute()) {
        assertThat(r.code()).isEqualTo(200);
      }

      assertThat(other.take().headers().first("Cookie")).contains("sid=s3cret");
      assertThat(findings)
          .extracting(Finding::kind)
          .contains(Finding.Kind.CREDENTIALS_CROSS_ORIGIN);
    }
  }

  @Test
  void policyModeInstallTurnsOkHttpsOwnRedirectsOff() {
    OkHttpClient policy =
        TriageInterceptor.install(
                new OkHttpClient.Builder(),
                TriageConfig.builder().redirectMode(RedirectMode.POLICY).build())
            .build();
    OkHttpClient client =
        TriageInterceptor.install(new OkHttpClient.Builder(), TriageConfig.ofDefaults()).build();
    assertThat(policy.followRedirects()).isFalse();
    assertThat(policy.followSslRedirects()).isFalse();
    assertThat(client.followRedirects()).isTrue();
    assertThat(policy.interceptors()).hasSize(1).allMatch(i -> i instanceof TriageInterceptor);
    assertThat(policy.networkInterceptors()).hasSize(1).allMatch(NetworkShield.class::isInstance);
    // each client has its own: nothing one client learns is shared with another
    assertThat(client.networkInterceptors().get(0))
        .isNotSameAs(policy.networkInterceptors().get(0));
  }

  @Test
  void misconfigurationFailsFastNamingTheParameter() {
    assertThatThrownBy(() -> TriageInterceptor.create(null)).hasMessageStartingWith("config:");
    assertThatThrownBy(() -> TriageInterceptor.install(null, TriageConfig.ofDefaults()))
        .hasMessageStartingWith("builder:");
  }
}
