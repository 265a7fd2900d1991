package io.httptriage.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.httptriage.contract.RawServer;
import io.httptriage.contract.Reply;
import io.httptriage.contract.TestServer;
import io.httptriage.contract.TestServers;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A response that is retried never reaches the caller; whatever its BodyHandler, its body is closed
 * or cancelled so that it does not hold its connection. Each handler here wraps a JDK streaming
 * body to see what happens to it.
 */
class JdkDiscardedBodiesClientTest {
  private final TestServer server = TestServers.start();
  private final TriageHttpClient client =
      JdkClients.client(TriageConfig.ofDefaults(), TestTls.create());
  private final List<AtomicBoolean> released = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpRequest unavailableOnce() {
    // Retry-After: 0 lets the default configuration retry at once, sync or async.
    server.enqueue(Reply.status(503).header("Retry-After", "0").body("busy"));
    server.enqueue(Reply.status(200).body("line 1\nline 2"));
    return HttpRequest.newBuilder(server.url("/items")).build();
  }

  private AtomicBoolean track() {
    AtomicBoolean flag = new AtomicBoolean();
    released.add(flag);
    return flag;
  }

  private BodyHandler<InputStream> trackedStreams() {
    return info ->
        BodySubscribers.mapping(
            BodySubscribers.ofInputStream(),
            in -> {
              AtomicBoolean closed = track();
              return new FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                  closed.set(true);
                  super.close();
                }
              };
            });
  }

  @Test
  void discardedInputStreamIsClosedOnSend() throws Exception {
    HttpResponse<InputStream> response = client.send(unavailableOnce(), trackedStreams());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(released).hasSize(2);
    assertThat(released.get(0)).isTrue();
    assertThat(released.get(1)).as("the caller's body stays open").isFalse();
    try (InputStream body = response.body()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("line 1\nline 2");
    }
  }

  @Test
  void discardedInputStreamIsClosedOnSendAsync() throws Exception {
    HttpResponse<InputStream> response =
        JdkClients.await(client.sendAsync(unavailableOnce(), trackedStreams()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(released).hasSize(2);
    assertThat(released.get(0)).isTrue();
    assertThat(released.get(1)).isFalse();
    response.body().close();
  }

  @Test
  void discardedLinesStreamIsClosed() throws Exception {
    BodyHandler<Stream<String>> lines =
        info ->
            BodySubscribers.mapping(
                BodySubscribers.ofLines(StandardCharsets.UTF_8),
                stream -> {
                  AtomicBoolean closed = track();
                  return stream.onClose(() -> closed.set(true));
                });

    HttpResponse<Stream<String>> response = client.send(unavailableOnce(), lines);

    assertThat(released.get(0)).isTrue();
    try (Stream<String> body = response.body()) {
      assertThat(body).containsExactly("line 1", "line 2");
    }
  }

  @Test
  void discardedPublisherIsCancelled() throws Exception {
    BodyHandler<Flow.Publisher<List<ByteBuffer>>> publishers =
        info ->
            BodySubscribers.mapping(
                BodySubscribers.ofPublisher(),
                publisher -> new CancelWatchingPublisher(publisher, track()));

    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response =
        client.send(unavailableOnce(), publishers);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(released.get(0)).isTrue();
    assertThat(released.get(1)).isFalse();
    DiscardedBodies.release(response.body());
    assertThat(released.get(1)).isTrue();
  }

  @Test
  void discardedStreamingBodyIsReadToItsEndSoItsConnectionServesTheRetry() throws Exception {
    HttpResponse<InputStream> response =
        client.send(unavailableOnce(), BodyHandlers.ofInputStream());

    try (InputStream body = response.body()) {
      assertThat(body.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("line 1\nline 2");
    }
    assertThat(server.connectionCount())
        .as("connections for an attempt and its retry")
        .isEqualTo(1);
  }

  @Test
  void discardedBodyThatStallsIsCutOffNotWaitedFor() throws Exception {
    try (RawServer raw = new RawServer()) {
      raw.enqueue(
          (socket, out) -> {
            out.write(
                "HTTP/1.1 503 Busy\r\nRetry-After: 0\r\nContent-Length: 100\r\n\r\nxx"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
              // the other 98 bytes never come: hold the connection until the client gives up on it
            }
          });
      raw.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nafter");

      HttpResponse<InputStream> response =
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () ->
                  client.send(
                      HttpRequest.newBuilder(raw.url("/stalls")).build(),
                      BodyHandlers.ofInputStream()));

      try (InputStream body = response.body()) {
        assertThat(body.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("after");
      }
      assertThat(raw.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void releasingNeverThrows() {
    DiscardedBodies.release(null);
    DiscardedBodies.release("already read");
    DiscardedBodies.release(
        (AutoCloseable)
            () -> {
              throw new IOException("broken");
            });
  }

  /** Passes a publisher through and notes when its subscription is cancelled. */
  private static final class CancelWatchingPublisher implements Flow.Publisher<List<ByteBuffer>> {
    private final Flow.Publisher<List<ByteBuffer>> publisher;
    private final AtomicBoolean cancelled;

    CancelWatchingPublisher(Flow.Publisher<List<ByteBuffer>> publisher, AtomicBoolean cancelled) {
      this.publisher = publisher;
      this.cancelled = cancelled;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
      publisher.subscribe(
          new Flow.Subscriber<List<ByteBuffer>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
              subscriber.onSubscribe(
                  new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                      subscription.request(n);
                    }

                    @Override
                    public void cancel() {
                      cancelled.set(true);
                      subscription.cancel();
                    }
                  });
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
              subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable throwable) {
              subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
              subscriber.onComplete();
            }
          });
    }
  }
}
