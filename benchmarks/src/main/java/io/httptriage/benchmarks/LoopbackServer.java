package io.httptriage.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongToIntFunction;

/**
 * A minimal HTTP/1.1 server on 127.0.0.1 that answers each request with one of a few fixed byte
 * arrays, and allocates nothing per request once a connection is open.
 *
 * <p>Why it exists: JMH's gc profiler on JDK 17 sums the allocation of every thread in the JVM, so
 * a test server that allocates per request (mockwebserver, the JDK's HttpServer) would be billed to
 * the client under test. Here each connection thread owns a direct read buffer and direct copies of
 * the responses, reads with a blocking {@link SocketChannel}, recognises the end of a request by
 * its empty line, and writes the chosen response; the request counter is an {@link AtomicLong}.
 *
 * <p>It understands only requests without content (GET), which is all the benchmarks send. It binds
 * to 127.0.0.1 only. Keep-alive connections are served until the client closes them or {@link
 * #close()} is called; all threads are daemons.
 *
 * <pre>{@code
 * try (LoopbackServer server = LoopbackServer.start(LoopbackServer.OK)) {
 *   URI uri = server.uri();
 *   ...
 * }
 * }</pre>
 */
final class LoopbackServer implements AutoCloseable {
  /** A 200 with a two-byte body. */
  static final byte[] OK =
      ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" + "Content-Length: 2\r\n\r\nok");

  /** A 503 without Retry-After, as a failing load balancer sends it. */
  static final byte[] UNAVAILABLE =
      ascii("HTTP/1.1 503 Service Unavailable\r\n" + "Content-Length: 0\r\n\r\n");

  /** A 503 asking for an immediate retry. */
  static final byte[] UNAVAILABLE_RETRY_NOW =
      ascii("HTTP/1.1 503 Service Unavailable\r\n" + "Retry-After: 0\r\nContent-Length: 0\r\n\r\n");

  /** A 429 asking to come back in a second. */
  static final byte[] TOO_MANY_REQUESTS_RETRY_AFTER_1 =
      ascii("HTTP/1.1 429 Too Many Requests\r\n" + "Retry-After: 1\r\nContent-Length: 0\r\n\r\n");

  private final ServerSocketChannel listener;
  private final byte[][] responses;
  private final LongToIntFunction choice;
  private final AtomicLong requests = new AtomicLong();
  private final List<SocketChannel> connections = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  private LoopbackServer(
      ServerSocketChannel listener, byte[][] responses, LongToIntFunction choice) {
    this.listener = listener;
    this.responses = responses;
    this.choice = choice;
  }

  /** A server that answers every request with {@code response}. */
  static LoopbackServer start(byte[] response) throws IOException {
    return start(new byte[][] {response}, n -> 0);
  }

  /**
   * A server that answers the n-th request (counted from 1 over all connections) with {@code
   * responses[choice.applyAsInt(n)]}. {@code choice} runs on the server's threads and must not
   * allocate, or it will be counted as the client's allocation.
   */
  static LoopbackServer start(byte[][] responses, LongToIntFunction choice) throws IOException {
    ServerSocketChannel listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    LoopbackServer server = new LoopbackServer(listener, responses.clone(), choice);
    Thread acceptor = new Thread(server::acceptLoop, "loopback-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    return server;
  }

  /** The base URI, e.g. {@code http://127.0.0.1:40123/}. */
  String uri() {
    return "http://127.0.0.1:" + listener.socket().getLocalPort() + "/";
  }

  /** Requests answered so far. */
  long requests() {
    return requests.get();
  }

  private void acceptLoop() {
    try {
      while (true) {
        SocketChannel connection = listener.accept();
        connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
        synchronized (connections) {
          connections.add(connection);
        }
        Thread t = new Thread(() -> serve(connection), "loopback-server-connection");
        t.setDaemon(true);
        synchronized (connections) {
          threads.add(t);
        }
        t.start();
      }
    } catch (ClosedChannelException stopped) {
      // close() was called
    } catch (IOException e) {
      System.err.println("loopback server stopped accepting: " + e);
    }
  }

  private void serve(SocketChannel connection) {
    ByteBuffer in = ByteBuffer.allocateDirect(16 * 1024);
    ByteBuffer[] out = new ByteBuffer[responses.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = ByteBuffer.allocateDirect(responses[i].length).put(responses[i]);
    }
    // How much of "\r\n\r\n" the bytes read so far end with; requests may arrive in pieces.
    int matched = 0;
    try (connection) {
      while (connection.read(in) >= 0) {
        in.flip();
        while (in.hasRemaining()) {
          matched = advance(matched, in.get());
          if (matched == 4) {
            matched = 0;
            ByteBuffer response = out[choice.applyAsInt(requests.incrementAndGet())];
            response.clear();
            while (response.hasRemaining()) {
              connection.write(response);
            }
          }
        }
        in.clear();
      }
    } catch (IOException e) {
      // the client or close() ended the connection
    }
  }

  /**
   * The bytes allocated so far by the threads serving connections (a thread that has ended counts
   * as 0), to check that the server adds nothing to the client's figures.
   */
  long connectionThreadsAllocatedBytes() {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    synchronized (connections) {
      for (Thread t : threads) {
        sum += Math.max(0, mx.getThreadAllocatedBytes(t.getId()));
      }
    }
    return sum;
  }

  /** The next state of the end-of-headers matcher after byte {@code b}. */
  static int advance(int matched, byte b) {
    if (b == '\r') {
      return matched == 2 ? 3 : 1;
    }
    if (b == '\n' && (matched == 1 || matched == 3)) {
      return matched + 1;
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (connections) {
      for (SocketChannel c : connections) {
        c.close();
      }
      connections.clear();
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
