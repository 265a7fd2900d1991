package io.httptriage.okhttp;

import io.httptriage.contract.AdapterContract;
import io.httptriage.contract.FaultContract;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;
import java.time.Duration;

/** The shared fault suite on OkHttp. */
class OkHttpFaultTest extends FaultContract {
  @Override
  protected AdapterContract.ClientUnderTest newClient(TriageConfig config, Duration readTimeout) {
    return OkHttpClients.underTest(config, TestTls.create(), false, readTimeout);
  }
}
