package io.httptriage.jdk;

import io.httptriage.contract.CoolDownContract;
import io.httptriage.triage.TriageConfig;

/** The cool-down contract, sent with the JDK client's {@code send}. */
class JdkSendCoolDownTest extends CoolDownContract {
  @Override
  protected SharedClient newClient(TriageConfig config) {
    return JdkCoolDownClients.of(config, false);
  }
}
