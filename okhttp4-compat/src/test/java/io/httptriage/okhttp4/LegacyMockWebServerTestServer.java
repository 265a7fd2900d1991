package io.httptriage.okhttp4;

import io.httptriage.contract.NoDelayServerSockets;
import io.httptriage.contract.Recorded;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.exchange.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** {@link TestServer} on OkHttp 4.12's okhttp3.mockwebserver, for the 4.12 run. */
public final class LegacyMockWebServerTestServer implements TestServer {
  private final MockWebServer server = new MockWebServer();

  /** Starts on 127.0.0.1, random port. */
  public LegacyMockWebServerTestServer() {
    server.setServerSocketFactory(new NoDelayServerSockets());
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public URI url(String path) {
    return server.url(path).uri();
  }

  @Override
  public void enqueue(Reply reply) {
    MockResponse r = new MockResponse().setResponseCode(reply.status()).setBody(reply.body());
    for (String[] h : reply.headers()) {
      r.addHeaderLenient(h[0], h[1]);
    }
    server.enqueue(r);
  }

  @Override
  public Recorded take() {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("the server received no request within 5 s");
      }
      okhttp3.Headers h = r.getHeaders();
      String[] pairs = new String[h.size() * 2];
      for (int i = 0; i < h.size(); i++) {
        pairs[2 * i] = h.name(i);
        pairs[2 * i + 1] = h.value(i);
      }
      return new Recorded(r.getMethod(), r.getPath(), Headers.of(pairs), r.getBody().readUtf8());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void useHttps(javax.net.ssl.SSLSocketFactory sockets) {
    server.useHttps(sockets, false);
  }

  @Override
  public int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
