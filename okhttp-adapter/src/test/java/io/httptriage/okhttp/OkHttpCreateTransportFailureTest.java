package io.httptriage.okhttp;

import io.httptriage.contract.TransportFailureContract;
import java.time.Duration;

/** Transport failures on OkHttp with only {@code addInterceptor(TriageInterceptor.create(...))}. */
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
  protected int attemptsToday(Failure failure, String method) {
    return OkHttpTransportFailures.today(failure, method);
  }
}
