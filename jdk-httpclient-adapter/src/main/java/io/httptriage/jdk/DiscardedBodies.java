package io.httptriage.jdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases the body of a response that will not reach the caller, whatever BodyHandler made it.
 *
 * <p>The JDK client hands a response over once its BodySubscriber's body is ready. For most
 * handlers ({@code ofString}, {@code ofByteArray}, {@code ofFile}, {@code discarding}, {@code
 * fromSubscriber}...) that is after the whole body was read, and there is nothing left to release.
 * The streaming handlers hand it over before: {@code ofInputStream} (an {@code InputStream}),
 * {@code ofLines} (a {@code Stream}), {@code ofPublisher} (a {@code Flow.Publisher}). Until such a
 * body is read to the end or closed, the exchange keeps its connection (and, on HTTP/2, its stream
 * window). So: anything {@link AutoCloseable} is closed — closing the JDK's stream cancels the
 * exchange's subscription — and a publisher is subscribed to and cancelled at once, which is what
 * releases an unread {@code ofPublisher} body. A body that hides an unread stream inside a type of
 * its own (a {@code Supplier} from {@code BodySubscribers.mapping}, say) cannot be seen through,
 * and is left as it is.
 *
 * <p>Closing an HTTP/1.1 body before its end costs the connection: the JDK cannot tell where the
 * next response would start, so it closes it. An {@code InputStream} body is therefore read to its
 * end first when that is cheap — at most {@value #DRAIN_BYTES} bytes within {@value #DRAIN_MILLIS}
 * ms, as OkHttp does when a response is closed — so that its connection goes back to the pool and a
 * retry does not pay for a new one. A larger or slower body is cut off by closing it: discarding
 * never waits longer than that.
 */
final class DiscardedBodies {
  static final int DRAIN_BYTES = 64 * 1024;
  static final long DRAIN_MILLIS = 100;
  private static final Logger LOG = LoggerFactory.getLogger(DiscardedBodies.class);

  private DiscardedBodies() {}

  /**
   * Closes or cancels {@code body}, which may be null (e.g. {@code discarding()}); never throws.
   */
  static void release(@Nullable Object body) {
    try {
      if (body instanceof InputStream) {
        drainAndClose((InputStream) body);
      } else if (body instanceof AutoCloseable) {
        ((AutoCloseable) body).close();
      } else if (body instanceof Flow.Publisher) {
        @SuppressWarnings("unchecked")
        Flow.Publisher<Object> publisher = (Flow.Publisher<Object>) body;
        publisher.subscribe(CancellingSubscriber.INSTANCE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // The response is being thrown away: failing to close it must not fail the call.
      LOG.debug("httptriage could not release a discarded response body", e);
    }
  }

  /**
   * Reads the rest of a small body, then closes it. A read blocked on a body that stalls is ended
   * by closing the stream from another thread: the JDK's stream wakes its reader when closed.
   */
  private static void drainAndClose(InputStream body) throws IOException {
    ScheduledFuture<?> cutOff =
        Watchdog.INSTANCE.schedule(() -> closeQuietly(body), DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    try (InputStream in = body) {
      byte[] buffer = new byte[8192];
      int left = DRAIN_BYTES;
      int n;
      while (left > 0 && (n = in.read(buffer, 0, Math.min(buffer.length, left))) >= 0) {
        left -= n;
      }
    } catch (IOException cutOffOrBroken) {
      // Closed by the watchdog, or the connection failed: either way the body is released.
    } finally {
      cutOff.cancel(false);
    }
  }

  private static void closeQuietly(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      LOG.debug("httptriage could not close a discarded response body", e);
    }
  }

  /** One daemon thread that cuts off the drains that take too long, shared by all clients. */
  private static final class Watchdog {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(
              1,
              task -> {
                Thread thread = new Thread(task, "httptriage-discard-watchdog");
                thread.setDaemon(true);
                return thread;
              });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }

  /** Cancels each subscription it receives; shared, as it keeps no state. */
  private enum CancellingSubscriber implements Flow.Subscriber<Object> {
    INSTANCE;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
    }

    @Override
    public void onNext(Object item) {}

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}
  }
}
