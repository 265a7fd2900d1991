package io.httptriage.okhttp;

import io.httptriage.contract.AdapterContract;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;

/** The shared contract, sent with OkHttp's {@code Call.enqueue()}. */
class OkHttpEnqueueContractTest extends AdapterContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return OkHttpClients.underTest(config, tls, true);
  }
}
