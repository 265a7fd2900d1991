package io.httptriage.contract;

import java.net.URI;

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

  @Override
  void close();
}
