package io.httptriage.jdk;

import io.httptriage.contract.TransportFailureContract;
import java.time.Duration;

/** The oracle: what the JDK client does by itself, with {@code sendAsync}. */
class BareJdkAsyncTransportFailureTest extends TransportFailureContract {
  @Override
  protected FailingClient newClient(Duration connectTimeout, Duration readTimeout) {
    return JdkFailingClients.client(connectTimeout, readTimeout, false, true);
  }

  @Override
  protected int expectedAttempts(Failure failure, String method) {
    return JdkTransportFailures.today(failure, method);
  }

  @Override
  protected int raceMayAdd(Failure failure, String method) {
    return JdkTransportFailures.raceMayAdd(failure, method);
  }
}
