package io.httptriage.contract;

import io.httptriage.exchange.Headers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** {@link TestServer} on mockwebserver3, for OkHttp 5 and the JDK client. */
public final class MockWebServer3TestServer implements TestServer {
  private final MockWebServer server = new MockWebServer();

  /** Starts on 127.0.0.1, random port. */
  public MockWebServer3TestServer() {
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
    MockResponse.Builder b = new MockResponse.Builder().code(reply.status()).body(reply.body());
    for (String[] h : reply.headers()) {
      b.addHeaderLenient(h[0], h[1]);
    }
    server.enqueue(b.build());
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
      String body = r.getBody() == null ? "" : r.getBody().utf8();
      return new Recorded(r.getMethod(), r.getTarget(), Headers.of(pairs), body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void useHttps(javax.net.ssl.SSLSocketFactory sockets) {
    server.useHttps(sockets);
  }

  @Override
  public int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }

}
