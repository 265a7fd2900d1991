package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract;
import io.httptriage.contract.FaultContract;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;
import java.time.Duration;

/** The shared fault suite on the JDK client, with {@code sendAsync}. */
class JdkAsyncFaultTest extends FaultContract {
  @Override
  protected AdapterContract.ClientUnderTest newClient(TriageConfig config, Duration readTimeout) {
    return JdkClients.underTest(
        config, TestTls.create(), JdkClients.Sending.SEND_ASYNC, readTimeout);
  }
}
