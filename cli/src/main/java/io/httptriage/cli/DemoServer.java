package io.httptriage.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A mockwebserver3 on 127.0.0.1 (random port) that answers each path from a script: the replies in
 * order, the last one repeated. Scenarios script their paths before sending, so they can run again
 * for another client on the same server, and read back what each path received.
 *
 * <p>Thread-safe.
 */
final class DemoServer implements AutoCloseable {
  /** Held so the level sticks: java.util.logging keeps loggers weakly. */
  private static final Logger SERVER_LOG = Logger.getLogger("mockwebserver3");

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Script> scripts = new ConcurrentHashMap<>();

  private DemoServer() {}

  /** A started server. */
  static DemoServer start() throws IOException {
    // the server logs every request at INFO, on stderr; the demo prints what matters itself
    SERVER_LOG.setLevel(Level.WARNING);
    DemoServer demo = new DemoServer();
    demo.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            Script script = demo.scripts.get(request.getUrl().encodedPath());
            return script == null
                ? new MockResponse.Builder().code(404).build()
                : script.answer(request);
          }
        });
    demo.server.start(InetAddress.getByName("127.0.0.1"), 0);
    return demo;
  }

  /** A reply with a status and header name/value pairs. */
  static MockResponse reply(int status, String... headers) {
    MockResponse.Builder b = new MockResponse.Builder().code(status);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.addHeader(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  /**
   * Answers {@code path} with these replies in order, the last one repeated; forgets what it
   * received.
   */
  void script(String path, MockResponse... replies) {
    scripts.put(path, new Script(List.of(replies)));
  }

  /** What {@code path} received since it was scripted. */
  List<RecordedRequest> received(String path) {
    Script script = scripts.get(path);
    return script == null ? List.of() : script.received();
  }

  /** {@code http://127.0.0.1:port/path}: by address, as the server is bound, not by host name. */
  URI url(String path) {
    return URI.create(origin() + path);
  }

  /** {@code http://127.0.0.1:port}. */
  String origin() {
    return "http://127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    server.close();
  }

  private static final class Script {
    private final List<MockResponse> replies;
    private final List<RecordedRequest> received = new ArrayList<>();

    Script(List<MockResponse> replies) {
      this.replies = replies;
    }

    synchronized MockResponse answer(RecordedRequest request) {
      received.add(request);
      return replies.get(Math.min(received.size(), replies.size()) - 1);
    }

    synchronized List<RecordedRequest> received() {
      return List.copyOf(received);
    }
  }
}
