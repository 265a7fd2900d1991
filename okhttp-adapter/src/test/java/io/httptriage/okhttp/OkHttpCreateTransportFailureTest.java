package io.httptriage.okhttp;

import io.httptriage.contract.TransportFailureContract;
import io.httptriage.triage.TriageConfig;
import java.time.Duration;

/**
 * Transport failures on OkHttp with only {@code addInterceptor(TriageInterceptor.create(...))}, on
 * a client left with {@code retryOnConnectionFailure(true)}: OkHttp 5's chain switches it off per
 * call, 4.12's cannot.
 */
class OkHttpCreateTransportFailureTest extends TransportFailureContract {
  @Override
  protected FailingClient newClient(Duration connectTimeout, Duration readTimeout) {
    return OkHttpFailingClients.client(
        connectTimeout,
        readTimeout,
        b -> b.addInterceptor(TriageInterceptor.create(config())),
        false);
  }

  @Override
  protected FailingClient newClient(
      Duration connectTimeout, Duration readTimeout, TriageConfig config) {
    return OkHttpFailingClients.client(
        connectTimeout,
        readTimeout,
        b -> b.addInterceptor(TriageInterceptor.create(config)),
        false);
  }

  @Override
  protected int expectedAttempts(Failure failure, String method) {
    if (failure == Failure.EOF_ON_REUSE && OkHttpVersion.running().startsWith("4.")) {
      // 4.12's chain cannot switch OkHttp's own resend off: it resends once after the dropped
      // pooled connection, whatever the method, a POST too. httptriage counts that resend (the
      // suppressed failure OkHttp adds) as an attempt and keeps room for as many again: no retry
      // of its own. For a GET that is the pair core would make (2, as on every client).
      return 2;
    }
    return withHttptriage(failure, method);
  }
}
