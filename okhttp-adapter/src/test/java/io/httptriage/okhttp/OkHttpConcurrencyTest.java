package io.httptriage.okhttp;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.TestTls;
import io.httptriage.reliability.ConcurrencyContract;
import io.httptriage.triage.TriageConfig;

/** The shared concurrency suite on OkHttp, with {@code Call.execute()}. */
class OkHttpConcurrencyTest extends ConcurrencyContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return OkHttpClients.underTest(config, tls, false);
  }
}
