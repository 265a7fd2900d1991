package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.TestTls;
import io.httptriage.reliability.LeakContract;
import io.httptriage.triage.TriageConfig;

/**
 * The shared leak suite on the JDK client with {@code send} and a streaming {@code ofInputStream}
 * body, the handler whose discarded bodies must be closed to give their connection back. The JDK
 * client shows no pool: the server's connection count is the witness of reuse.
 */
class JdkLeakTest extends LeakContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    // Without request timeouts: JDK 17 holds each exchange it redirected until the timeout passes.
    return JdkClients.underTestWithoutRequestTimeout(config, tls, JdkClients.Sending.SEND);
  }
}
