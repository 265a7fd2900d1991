package io.httptriage.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A test server on 127.0.0.1 that answers each connection with raw bytes from a script, for faults
 * no well-behaved server produces: invalid status lines, truncated or reset responses, headers that
 * never end. One request per connection; every connection is closed afterwards. Works whatever
 * OkHttp version is on the classpath.
 */
public final class RawServer implements AutoCloseable {

  /** What the server does with one connection after reading the request head. */
  @FunctionalInterface
  public interface Script {
    /** Writes the answer (or misbehaves) on the connection. */
    void answer(Socket socket, OutputStream out) throws IOException;
  }

  private final ServerSocket socket;
  private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closed;

  /** Starts on 127.0.0.1, random port. */
  public RawServer() {
    try {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = new Thread(this::acceptLoop, "raw-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The URL of a path on this server. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
  }

  /** Queues the script for the next connection. */
  public void enqueue(Script script) {
    scripts.add(script);
  }

  /** Queues a literal response. */
  public void enqueue(String response) {
    byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
    enqueue((s, out) -> out.write(bytes));
  }

  /** How many request heads were read. */
  public int requestCount() {
    return requests.get();
  }

  /** Closes the connection abruptly: the peer sees a reset. */
  public static void reset(Socket socket) throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  private void acceptLoop() {
    acceptEach(socket, () -> closed, this::serve);
  }

  /**
   * Accepts connections on {@code listener} until it is closed, serving each on a daemon thread of
   * its own; an accept failure while {@code closed} is false is an error.
   */
  static void acceptEach(ServerSocket listener, BooleanSupplier closed, Consumer<Socket> serve) {
    while (!closed.getAsBoolean()) {
      try {
        Socket s = listener.accept();
        Thread t = new Thread(() -> serve.accept(s), "raw-test-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed.getAsBoolean()) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private void serve(Socket s) {
    try (Socket conn = s) {
      conn.setTcpNoDelay(true);
      conn.setSoTimeout(10_000);
      readRequest(conn.getInputStream());
      requests.incrementAndGet();
      Script script = scripts.poll(5, TimeUnit.SECONDS);
      if (script == null) {
        return;
      }
      OutputStream out = conn.getOutputStream();
      script.answer(conn, out);
      if (!conn.isClosed()) {
        out.flush();
      }
    } catch (SocketException expected) {
      // the client went away, or the script reset the connection
    } catch (IOException e) {
      // a failing connection is what these tests are about
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Reads the request head and a Content-Length body, if any; false when the stream ended before
   * the head did.
   */
  static boolean readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      head.write(b);
      matched =
          (b == '\r' && (matched == 0 || matched == 2))
                  || (b == '\n' && (matched == 1 || matched == 3))
              ? matched + 1
              : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    int at = text.indexOf("content-length:");
    if (at >= 0) {
      int end = text.indexOf('\r', at);
      long length = Long.parseLong(text.substring(at + 15, end).trim());
      in.readNBytes((int) Math.min(length, 1 << 20));
    }
    return true;
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
