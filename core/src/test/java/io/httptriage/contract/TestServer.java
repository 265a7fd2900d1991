package io.httptriage.contract;

import java.net.URI;
import java.util.function.Function;

/**
 * A scripted HTTP server on 127.0.0.1 with a random port, as the contract suite sees it. Behind it
 * stands mockwebserver3 (OkHttp 5 lines) or the legacy okhttp3.mockwebserver (OkHttp 4.12 line),
 * chosen by {@link TestServers#start()}.
 */
public interface TestServer extends AutoCloseable {

  /** The absolute URL of a path on this server, e.g. {@code url("/a")}. */
  URI url(String path);

  /** Queues the next reply. */
  void enqueue(Reply reply);

  /** The next request the server received, waiting at most a few seconds; fails when none came. */
  Recorded take();

  /** Serves https with this socket factory from now on. */
  void useHttps(javax.net.ssl.SSLSocketFactory sockets);

  /** How many requests the server has received. */
  int requestCount();

  /**
   * Answers every request from now on with {@code answers} instead of the queue. The function is
   * called on the server's connection threads, concurrently when clients are, so it must be
   * thread-safe. Requests answered this way are not kept for {@link #take()}: a run of thousands of
   * calls must not grow the heap it measures.
   */
  void dispatch(Function<Recorded, Reply> answers);

  /** How many TCP connections the server has accepted. */
  int connectionCount();

  @Override
  void close();
}
