package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.ObservabilityContract;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;

/** Logs and meters as a user of the JDK adapter sees them, sent with {@code send}. */
class JdkObservabilityContractTest extends ObservabilityContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return JdkClients.underTest(config, tls, JdkClients.Sending.SEND);
  }

  @Override
  protected String adapterName() {
    return "jdk";
  }
}
