package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.TestTls;
import io.httptriage.reliability.ConcurrencyContract;
import io.httptriage.triage.TriageConfig;

/** The shared concurrency suite on the JDK client with {@code send}. */
class JdkConcurrencyTest extends ConcurrencyContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return JdkClients.underTest(config, tls, JdkClients.Sending.SEND);
  }

  /**
   * The JDK client sends an idempotent request again when a pooled connection turns out closed:
   * under 64 threads a run sees a few of those (and, on JDK 17 following redirects itself, a few
   * POSTs failing with "HTTP/1.1 header parser received no bytes", as the bare client does).
   */
  @Override
  protected boolean resendsOnStaleConnections() {
    return true;
  }
}
