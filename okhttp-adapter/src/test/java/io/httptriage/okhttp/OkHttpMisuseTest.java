package io.httptriage.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ways of installing httptriage into OkHttp that used to go wrong silently: each now fails fast
 * with a message that says how to fix it, or is shielded. Runs on OkHttp 5.x here and on 4.12 in
 * okhttp4-compat.
 */
class OkHttpMisuseTest {
  private static final TriageConfig NO_WAIT =
      TriageConfig.builder().retry(RetrySettings.builder().sleeper(d -> {}).build()).build();
  private TestServer server;

  @BeforeEach
  void start() {
    server = TestServers.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Request get() {
    return new Request.Builder().url(server.url("/items").toString()).build();
  }

  /** Regression: the same interceptor twice cost 9 requests for an always-503 GET, silently. */
  @Test
  void theSameInterceptorInstalledTwiceFailsFastInsteadOfRetryingTwice() {
    server.dispatch(r -> Reply.status(503));
    TriageInterceptor interceptor = TriageInterceptor.create(NO_WAIT);
    OkHttpClient client =
        new OkHttpClient.Builder().addInterceptor(interceptor).addInterceptor(interceptor).build();

    assertThatThrownBy(() -> client.newCall(get()).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("installed twice");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void installingOnABuilderThatAlreadyHasHttptriageFailsAtOnce() {
    OkHttpClient.Builder builder = TriageInterceptor.install(new OkHttpClient.Builder(), NO_WAIT);

    assertThatThrownBy(() -> TriageInterceptor.install(builder, NO_WAIT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("builder:")
        .hasMessageContaining("installed twice");
  }

  /**
   * Regression: POLICY mode on a client that still followed redirects let OkHttp turn a POST into a
   * GET on a 302 with no finding and no warning.
   */
  @Test
  void policyModeOnAClientThatFollowsRedirectsFailsFast() {
    server.enqueue(Reply.status(302).header("Location", "/next"));
    server.enqueue(Reply.status(200).body("followed"));
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(
                TriageInterceptor.create(
                    TriageConfig.builder().redirectMode(RedirectMode.POLICY).build()))
            .build();
    Request post =
        new Request.Builder()
            .url(server.url("/orders").toString())
            .post(RequestBody.create("{}", MediaType.get("application/json")))
            .build();

    assertThatThrownBy(() -> client.newCall(post).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("follows redirects itself")
        .hasMessageContaining("TriageInterceptor.install");
  }

  @Test
  void policyModeInstalledAndThenToldToFollowRedirectsFailsFast() {
    server.enqueue(Reply.status(302).header("Location", "/next"));
    server.enqueue(Reply.status(200).body("followed"));
    OkHttpClient client =
        TriageInterceptor.install(
                new OkHttpClient.Builder(),
                TriageConfig.builder().redirectMode(RedirectMode.POLICY).build())
            .followRedirects(true)
            .build();

    assertThatThrownBy(() -> client.newCall(get()).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("follows redirects itself");
  }

  /**
   * Regression: OkHttp's own follow-up step parses Retry-After as an int and threw
   * NumberFormatException at the caller on a 503 (and a 408) with a value past 2^31.
   */
  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "2147483648", "-1", "0", "1e3", " 7 "})
  void noNumberFormatExceptionEscapesWhateverTheRetryAfter(String value) throws IOException {
    server.dispatch(
        r -> Reply.status(r.path().equals("/timeout") ? 408 : 503).header("Retry-After", value));
    OkHttpClient client = OkHttpClients.client(NO_WAIT, io.httptriage.contract.TestTls.create());

    for (String path : new String[] {"/unavailable", "/timeout"}) {
      try (Response response =
          client
              .newCall(new Request.Builder().url(server.url(path).toString()).build())
              .execute()) {
        assertThat(response.code()).isIn(408, 503);
        assertThat(response.headers("Retry-After")).containsExactly(value.trim());
      }
    }
    client.dispatcher().executorService().shutdown();
  }

  /**
   * Without the network interceptor, OkHttp 4.12's own resend on a 408 is counted as an attempt;
   * OkHttp 5 makes none.
   */
  @Test
  void okHttpsOwnResendWithoutTheNetworkInterceptorCountsAsAnAttempt() throws IOException {
    server.dispatch(r -> Reply.status(408));
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(TriageInterceptor.create(NO_WAIT))
            .readTimeout(10, TimeUnit.SECONDS)
            .build();

    try (Response response = client.newCall(get()).execute()) {
      assertThat(response.code()).isEqualTo(408);
    }
    if (OkHttpVersion.running().startsWith("4.")) {
      // OkHttp sends the GET twice; that is attempts 1 and 2 of 3, so httptriage retries once
      // more, and OkHttp resends that one too: 4, where the JDK client and an installed OkHttp
      // send 3.
      assertThat(server.requestCount()).isEqualTo(4);
    } else {
      // OkHttp 5 gates its 408 resend on retryOnConnectionFailure, which the interceptor switches
      // off on the chain (for transport failures): 3, as on the JDK client and an installed OkHttp.
      assertThat(server.requestCount()).isEqualTo(3);
    }
  }
}
