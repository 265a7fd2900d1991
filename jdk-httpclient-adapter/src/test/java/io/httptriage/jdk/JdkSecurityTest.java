package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.TestTls;
import io.httptriage.reliability.SecurityContract;
import io.httptriage.triage.TriageConfig;

/** The shared security suite on the JDK client, with {@code send}. */
class JdkSecurityTest extends SecurityContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return JdkClients.underTest(config, tls, JdkClients.Sending.SEND);
  }
}
