package io.httptriage.jdk;

import io.httptriage.contract.CallOptionsContract;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;

/** Per-call options and idempotency keys, sent with the JDK client's {@code send}. */
class JdkSendCallOptionsTest extends CallOptionsContract {
  @Override
  protected OptionsClient newClient(TriageConfig config, TestTls tls) {
    return JdkClients.optionsUnderTest(config, tls, JdkClients.Sending.SEND);
  }
}
