package io.httptriage.contract;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections have TCP_NODELAY set, and which count them. Without
 * TCP_NODELAY, a test server that writes a response in several small pieces meets the peer's
 * delayed ACK on loopback and every exchange costs about 40 ms, which makes suites of hundreds of
 * calls needlessly slow. The counts tell the leak suite, whatever the client, whether calls reuse
 * connections: a response left open holds its connection, so the next call needs a new one.
 */
public final class NoDelayServerSockets extends ServerSocketFactory {
  private final AtomicInteger accepted = new AtomicInteger();

  /** How many connections the sockets of this factory have accepted. */
  public int accepted() {
    return accepted.get();
  }

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelayServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket s = new NoDelayServerSocket();
    s.bind(new java.net.InetSocketAddress(port));
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket s = new NoDelayServerSocket();
    s.bind(new java.net.InetSocketAddress(port), backlog);
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
      throws IOException {
    ServerSocket s = new NoDelayServerSocket();
    s.bind(new java.net.InetSocketAddress(address, port), backlog);
    return s;
  }

  private final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      accepted.incrementAndGet();
      return socket;
    }
  }
}
