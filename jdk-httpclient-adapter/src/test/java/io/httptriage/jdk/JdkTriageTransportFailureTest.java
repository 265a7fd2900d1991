package io.httptriage.jdk;

import io.httptriage.contract.TransportFailureContract;
import io.httptriage.triage.TriageConfig;
import java.time.Duration;

/** Transport failures through {@link TriageHttpClient}, with {@code send}. */
class JdkTriageTransportFailureTest extends TransportFailureContract {
  /** Whether each request is sent with {@code sendAsync}; false: with {@code send}. */
  boolean async() {
    return false;
  }

  @Override
  protected FailingClient newClient(Duration connectTimeout, Duration readTimeout) {
    return JdkFailingClients.client(connectTimeout, readTimeout, true, async());
  }

  @Override
  protected FailingClient newClient(
      Duration connectTimeout, Duration readTimeout, TriageConfig config) {
    return JdkFailingClients.client(connectTimeout, readTimeout, config, async());
  }

  @Override
  protected int expectedAttempts(Failure failure, String method) {
    return withHttptriage(failure, method);
  }

  @Override
  protected int raceMayAdd(Failure failure, String method) {
    return JdkTransportFailures.raceMayAdd(failure, method);
  }
}
