package io.httptriage.okhttp;

import io.httptriage.contract.AdapterContract;
import io.httptriage.contract.TransportFailureContract;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * OkHttp clients for the transport-failure contract, counting their connection attempts with an
 * {@link EventListener}: {@code connectStart} fires once per TCP connect OkHttp begins, refused and
 * timed-out ones included, on 5.x and 4.12 alike.
 */
final class OkHttpFailingClients {
  private OkHttpFailingClients() {}

  /**
   * A client from {@code setUp} applied to a builder that already has these timeouts and the
   * counting listener, sending with {@code execute()} or {@code enqueue()}.
   */
  static TransportFailureContract.FailingClient client(
      Duration connectTimeout,
      Duration readTimeout,
      UnaryOperator<OkHttpClient.Builder> setUp,
      boolean async) {
    AtomicInteger connects = new AtomicInteger();
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .eventListener(
                new EventListener() {
                  @Override
                  public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                    connects.incrementAndGet();
                  }
                });
    AdapterContract.ClientUnderTest sender =
        OkHttpClients.underTest(setUp.apply(builder).build(), async);
    return new TransportFailureContract.FailingClient() {
      @Override
      public void send(String method, URI uri) throws Exception {
        Optional<String> body = method.equals("GET") ? Optional.empty() : Optional.of("{\"n\":1}");
        boolean keyed = method.equals(TransportFailureContract.KEYED_POST);
        sender.send(
            new AdapterContract.Call(
                keyed ? "POST" : method,
                uri,
                keyed
                    ? List.<String[]>of(new String[] {"Idempotency-Key", "\"8e2b7c1a\""})
                    : List.of(),
                body));
      }

      @Override
      public int connectAttempts() {
        return connects.get();
      }

      @Override
      public void close() {
        sender.close();
      }
    };
  }
}
