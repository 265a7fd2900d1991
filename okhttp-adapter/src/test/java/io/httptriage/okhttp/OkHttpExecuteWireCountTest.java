package io.httptriage.okhttp;

import io.httptriage.contract.AdapterContract;
import io.httptriage.contract.TestTls;
import io.httptriage.contract.WireCountContract;
import io.httptriage.triage.TriageConfig;

/** The wire-count table, sent with OkHttp's {@code Call.execute()}. */
class OkHttpExecuteWireCountTest extends WireCountContract {
  @Override
  protected AdapterContract.ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return OkHttpClients.underTest(config, tls, false);
  }
}
