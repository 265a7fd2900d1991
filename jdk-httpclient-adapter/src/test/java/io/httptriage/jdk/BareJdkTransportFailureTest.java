package io.httptriage.jdk;

import io.httptriage.contract.TransportFailureContract;
import java.time.Duration;

/**
 * The oracle: what the JDK client does by itself on each transport failure, without httptriage,
 * with {@code send}.
 */
class BareJdkTransportFailureTest extends TransportFailureContract {
  /** Whether each request is sent with {@code sendAsync}; false: with {@code send}. */
  boolean async() {
    return false;
  }

  @Override
  protected FailingClient newClient(Duration connectTimeout, Duration readTimeout) {
    return JdkFailingClients.client(connectTimeout, readTimeout, false, async());
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
