package io.httptriage.okhttp;

import io.httptriage.contract.CoolDownContract;
import io.httptriage.triage.TriageConfig;

/** The cool-down contract, sent with OkHttp's {@code Call.enqueue()}. */
class OkHttpEnqueueCoolDownTest extends CoolDownContract {
  @Override
  protected SharedClient newClient(TriageConfig config) {
    return OkHttpCoolDownClients.of(config, true);
  }
}
