package io.httptriage.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.TestTls;
import io.httptriage.reliability.LeakContract;
import io.httptriage.triage.TriageConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared leak suite on OkHttp, with its own witnesses: every pooled connection is idle once the
 * calls are over (a response never closed keeps its connection allocated), and OkHttp logged no "A
 * connection to ... was leaked" warning.
 */
class OkHttpLeakTest extends LeakContract {
  /** Held here so that java.util.logging cannot collect it, and the handler with it. */
  private final Logger okHttpLog = Logger.getLogger(OkHttpClient.class.getName());

  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Handler warningHandler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(String.valueOf(record.getMessage()));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private OkHttpClient client;

  @BeforeEach
  void listenForLeakWarnings() {
    okHttpLog.addHandler(warningHandler);
  }

  @AfterEach
  void stopListening() {
    okHttpLog.removeHandler(warningHandler);
  }

  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    client = OkHttpClients.client(config, tls);
    return OkHttpClients.underTest(client, false);
  }

  @Override
  protected void assertNothingHeldBy(ClientUnderTest underTest) {
    ConnectionPool pool = client.connectionPool();
    assertThat(pool.connectionCount()).isPositive().isEqualTo(pool.idleConnectionCount());
    assertThat(warnings).noneMatch(message -> message.contains("leaked"));
  }
}
