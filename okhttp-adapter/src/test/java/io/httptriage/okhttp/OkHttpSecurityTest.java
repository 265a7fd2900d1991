package io.httptriage.okhttp;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.TestTls;
import io.httptriage.reliability.SecurityContract;
import io.httptriage.triage.TriageConfig;

/** The shared security suite on OkHttp. */
class OkHttpSecurityTest extends SecurityContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return OkHttpClients.underTest(config, tls, false);
  }
}
