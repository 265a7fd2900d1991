package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;

/** The shared concurrency suite on the JDK client with {@code sendAsync}. */
class JdkAsyncConcurrencyTest extends JdkConcurrencyTest {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return JdkClients.underTest(config, tls, JdkClients.Sending.SEND_ASYNC);
  }
}
