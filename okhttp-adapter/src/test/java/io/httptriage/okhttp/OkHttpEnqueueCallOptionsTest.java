package io.httptriage.okhttp;

import io.httptriage.contract.CallOptionsContract;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;

/** Per-call options and idempotency keys, sent with OkHttp's {@code Call.enqueue()}. */
class OkHttpEnqueueCallOptionsTest extends CallOptionsContract {
  @Override
  protected OptionsClient newClient(TriageConfig config, TestTls tls) {
    return OkHttpClients.optionsUnderTest(config, tls, true);
  }
}
