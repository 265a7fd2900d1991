package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;

/**
 * The shared contract, sent with {@code HttpClient.sendAsync(request, handler,
 * pushPromiseHandler)}.
 */
class JdkSendAsyncWithPushPromisesContractTest extends AdapterContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return JdkClients.underTest(config, tls, JdkClients.Sending.SEND_ASYNC_WITH_PUSH_PROMISES);
  }
}
