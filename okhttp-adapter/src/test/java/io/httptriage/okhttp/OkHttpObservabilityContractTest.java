package io.httptriage.okhttp;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.ObservabilityContract;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;

/** Logs and meters as a user of the OkHttp adapter sees them, sent with {@code execute()}. */
class OkHttpObservabilityContractTest extends ObservabilityContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return OkHttpClients.underTest(config, tls, false);
  }

  @Override
  protected String adapterName() {
    return "okhttp";
  }
}
