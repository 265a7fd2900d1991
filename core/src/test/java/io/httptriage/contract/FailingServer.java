package io.httptriage.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocket;

/**
 * A listener on 127.0.0.1 that fails every connection the same way, and counts the connections it
 * accepted: each accepted TCP connection is one connection attempt of the client. For the failure
 * kinds no answering server can show (a refused port, a connect that times out) it stands in with
 * an address whose attempts the server cannot see; then {@link #connectionsVisible()} is false and
 * the test must count on the client's side.
 *
 * <p>Thread-safe; {@link #close()} ends every connection still open.
 */
public final class FailingServer implements AutoCloseable {

  /** How every connection fails. */
  public enum Behaviour {
    /** Reads the whole request, then resets the connection (SO_LINGER 0, close): a RST, no byte. */
    RESET,
    /** Reads the request and never answers, until the client gives up or the server closes. */
    NO_ANSWER,
    /**
     * Answers the very first request with a keep-alive 200, then closes every connection (FIN, no
     * byte) as soon as a request head has arrived on it: a client's next request on the pooled
     * connection meets the end of the stream, the failure of a connection the server dropped while
     * it sat idle in the pool.
     */
    EOF_ON_REUSE,
    /**
     * Speaks plain HTTP to whatever arrives: a TLS client's ClientHello gets an HTTP 400 back, so
     * the handshake fails on the client.
     */
    PLAIN_TO_TLS,
    /**
     * Speaks TLS with a fresh self-signed certificate no client trusts by default: the client
     * rejects the certificate during the handshake.
     */
    UNTRUSTED_TLS,
    /** Nobody listens on the port: the client's SYN is refused. Attempts are not visible. */
    REFUSED,
    /**
     * A listener whose accept queue is full and that never accepts: the client's SYN is dropped and
     * its connect times out. Attempts are not visible.
     */
    ACCEPT_QUEUE_FULL
  }

  private static final int SERVER_SIDE_TIMEOUT_MS = 10_000;

  private final Behaviour behaviour;
  private final int port;
  private final ServerSocket listener;
  private final List<Socket> queueFillers = new ArrayList<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger requestHeads = new AtomicInteger();
  private final AtomicBoolean answeredOnce = new AtomicBoolean();
  private volatile boolean closed;

  private FailingServer(Behaviour behaviour) {
    this.behaviour = behaviour;
    try {
      InetAddress loopback = InetAddress.getByName("127.0.0.1");
      switch (behaviour) {
        case REFUSED -> {
          try (ServerSocket once = new ServerSocket()) {
            once.bind(new InetSocketAddress(loopback, 0));
            port = once.getLocalPort();
          }
          listener = null;
        }
        case ACCEPT_QUEUE_FULL -> {
          listener = new ServerSocket();
          listener.bind(new InetSocketAddress(loopback, 0), 1);
          port = listener.getLocalPort();
          // Linux queues backlog + 1 connections; two held connections fill it, so a third SYN is
          // dropped and the client's connect runs into its timeout.
          for (int i = 0; i < 2; i++) {
            Socket filler = new Socket();
            filler.connect(new InetSocketAddress(loopback, port), 1_000);
            queueFillers.add(filler);
          }
        }
        default -> {
          listener = new ServerSocket();
          listener.bind(new InetSocketAddress(loopback, 0));
          port = listener.getLocalPort();
          Thread acceptor = new Thread(this::acceptLoop, "failing-test-server-" + behaviour);
          acceptor.setDaemon(true);
          acceptor.start();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started server that fails every connection with {@code behaviour}. */
  public static FailingServer start(Behaviour behaviour) {
    return new FailingServer(behaviour);
  }

  /** The {@code http} URL of a path on this server. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The {@code https} URL of a path on this server (a TLS client meets plain TCP behind it). */
  public URI httpsUrl(String path) {
    return URI.create("https://127.0.0.1:" + port + path);
  }

  /** The behaviour this server fails with. */
  public Behaviour behaviour() {
    return behaviour;
  }

  /** Whether {@link #connectionCount()} sees the client's attempts. */
  public boolean connectionsVisible() {
    return behaviour != Behaviour.REFUSED && behaviour != Behaviour.ACCEPT_QUEUE_FULL;
  }

  /** How many TCP connections this server accepted: the client's connection attempts. */
  public int connectionCount() {
    return accepted.get();
  }

  /** How many complete request heads arrived (never more than {@link #connectionCount()}). */
  public int requestHeadCount() {
    return requestHeads.get();
  }

  private void acceptLoop() {
    RawServer.acceptEach(
        listener,
        () -> closed,
        s -> {
          accepted.incrementAndGet();
          open.add(s);
          serve(s);
        });
  }

  private void serve(Socket s) {
    try (Socket conn = s) {
      conn.setTcpNoDelay(true);
      conn.setSoTimeout(SERVER_SIDE_TIMEOUT_MS);
      InputStream in = conn.getInputStream();
      switch (behaviour) {
        case RESET -> {
          if (RawServer.readRequest(in)) {
            requestHeads.incrementAndGet();
          }
          RawServer.reset(conn);
        }
        case EOF_ON_REUSE -> {
          while (RawServer.readRequest(in)) {
            requestHeads.incrementAndGet();
            if (answeredOnce.getAndSet(true)) {
              break;
            }
            conn.getOutputStream()
                .write(
                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                        .getBytes(StandardCharsets.ISO_8859_1));
            conn.getOutputStream().flush();
          }
        }
        case NO_ANSWER -> {
          if (RawServer.readRequest(in)) {
            requestHeads.incrementAndGet();
          }
          while (in.read() >= 0) {
            // hold the connection, silent, until the client gives up
          }
        }
        case UNTRUSTED_TLS -> {
          SSLSocket tls =
              (SSLSocket)
                  TestTls.create().serverSockets().createSocket(conn, null, conn.getPort(), true);
          tls.setUseClientMode(false);
          tls.startHandshake();
        }
        default -> {
          in.read(new byte[4096]);
          conn.getOutputStream()
              .write(
                  "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                      .getBytes(StandardCharsets.ISO_8859_1));
          conn.getOutputStream().flush();
        }
      }
    } catch (IOException expected) {
      // the client went away, or the connection was reset on purpose
    } finally {
      open.remove(s);
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Socket s : queueFillers) {
      closeQuietly(s);
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
    if (listener != null) {
      closeQuietly(listener);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing anyway
    }
  }
}
