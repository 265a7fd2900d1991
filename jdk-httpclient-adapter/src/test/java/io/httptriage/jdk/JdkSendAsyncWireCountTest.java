package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract;
import io.httptriage.contract.TestTls;
import io.httptriage.contract.WireCountContract;
import io.httptriage.triage.TriageConfig;

/** The wire-count table, sent with {@code HttpClient.sendAsync}. */
class JdkSendAsyncWireCountTest extends WireCountContract {
  @Override
  protected AdapterContract.ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return JdkClients.underTest(config, tls, JdkClients.Sending.SEND_ASYNC);
  }
}
