package io.httptriage.okhttp;

import io.httptriage.contract.TransportFailureContract;
import java.time.Duration;

/** The oracle: what OkHttp does by itself on each transport failure, without httptriage. */
class BareOkHttpTransportFailureTest extends TransportFailureContract {
  @Override
  protected FailingClient newClient(Duration connectTimeout, Duration readTimeout) {
    return OkHttpFailingClients.client(connectTimeout, readTimeout, b -> b, false);
  }

  @Override
  protected int expectedAttempts(Failure failure, String method) {
    return OkHttpTransportFailures.today(failure, method);
  }
}
