package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.TestTls;
import io.httptriage.reliability.LeakContract;
import io.httptriage.reliability.Soak;
import io.httptriage.triage.TriageConfig;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The shared leak suite on the JDK client with {@code sendAsync}, in soak runs only: its {@code
 * ofString} bodies are read whole before core sees them, so connections cannot be held by a
 * discarded one, and the quick run's time is better spent on {@code send}'s streaming bodies
 * ({@link JdkLeakTest}). The async path's accounting is in every run ({@link
 * JdkAsyncConcurrencyTest}).
 */
@EnabledIfSystemProperty(named = Soak.PROPERTY, matches = "true")
class JdkAsyncLeakTest extends LeakContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    // Without request timeouts: JDK 17 holds each exchange it redirected until the timeout passes.
    return JdkClients.underTestWithoutRequestTimeout(config, tls, JdkClients.Sending.SEND_ASYNC);
  }
}
