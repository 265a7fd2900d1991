package io.httptriage.okhttp4;

import io.httptriage.contract.NoDelayServerSockets;
import io.httptriage.contract.Recorded;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** {@link TestServer} on OkHttp 4.12's okhttp3.mockwebserver, for the 4.12 run. */
public final class LegacyMockWebServerTestServer implements TestServer {
  private final MockWebServer server = new MockWebServer();
  private final NoDelayServerSockets sockets = new NoDelayServerSockets();

  /** Starts on 127.0.0.1, random port. */
  public LegacyMockWebServerTestServer() {
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
    MockResponse r = new MockResponse().setResponseCode(reply.status()).setBody(reply.body());
    for (String[] h : reply.headers()) {
      r.addHeaderLenient(h[0], h[1]);
    }
    return r;
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
    return new Recorded(
        r.getMethod(), r.getPath(), Recorded.fieldsOf(r.getHeaders()), r.getBody().readUtf8());
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
    server.useHttps(sockets, false);
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
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
