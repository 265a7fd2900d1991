package io.httptriage.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** {@link TestServer} on mockwebserver3, for OkHttp 5 and the JDK client. */
public final class MockWebServer3TestServer implements TestServer {
  private final MockWebServer server = new MockWebServer();
  private final NoDelayServerSockets sockets = new NoDelayServerSockets();

  /** Starts on 127.0.0.1, random port. */
  public MockWebServer3TestServer() {
    server.setServerSocketFactory(sockets);
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
    server.enqueue(response(reply));
  }

  private static MockResponse response(Reply reply) {
    MockResponse.Builder b = new MockResponse.Builder().code(reply.status()).body(reply.body());
    for (String[] h : reply.headers()) {
      b.addHeaderLenient(h[0], h[1]);
    }
    return b.build();
  }

  @Override
  public Recorded take() {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("the server received no request within 5 s");
      }
      return recorded(r);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static Recorded recorded(RecordedRequest r) {
    String body = r.getBody() == null ? "" : r.getBody().utf8();
    return new Recorded(r.getMethod(), r.getTarget(), Recorded.fieldsOf(r.getHeaders()), body);
  }

  @Override
  public void dispatch(Function<Recorded, Reply> answers) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            // The server queued this request for takeRequest() before dispatching it: take one
            // back.
            server.takeRequest(0, TimeUnit.NANOSECONDS);
            return response(answers.apply(recorded(request)));
          }
        });
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
  public int connectionCount() {
    return sockets.accepted();
  }

  @Override
  public void close() {
    server.close();
  }
}
