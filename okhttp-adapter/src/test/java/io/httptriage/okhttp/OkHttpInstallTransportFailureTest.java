package io.httptriage.okhttp;

import io.httptriage.contract.TransportFailureContract;
import io.httptriage.triage.TriageConfig;
import java.time.Duration;

/**
 * Transport failures on OkHttp with httptriage installed by {@code install}, sent by {@code
 * execute()}.
 */
class OkHttpInstallTransportFailureTest extends TransportFailureContract {
  /** Whether each call is sent with {@code enqueue()}; false: with {@code execute()}. */
  boolean async() {
    return false;
  }

  @Override
  protected FailingClient newClient(Duration connectTimeout, Duration readTimeout) {
    return OkHttpFailingClients.client(
        connectTimeout, readTimeout, b -> TriageInterceptor.install(b, config()), async());
  }

  @Override
  protected FailingClient newClient(
      Duration connectTimeout, Duration readTimeout, TriageConfig config) {
    return OkHttpFailingClients.client(
        connectTimeout, readTimeout, b -> TriageInterceptor.install(b, config), async());
  }

  @Override
  protected int expectedAttempts(Failure failure, String method) {
    return withHttptriage(failure, method);
  }
}
