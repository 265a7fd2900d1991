package io.httptriage.jdk;

import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases the body of a response that will not reach the caller, whatever BodyHandler made it.
 *
 * <p>The JDK client hands a response over once its BodySubscriber's body is ready. For most
 * handlers ({@code ofString}, {@code ofByteArray}, {@code ofFile}, {@code discarding}, {@code
 * fromSubscriber}...) that is after the whole body was read, and there is nothing left to release.
 * The streaming handlers hand it over before: {@code ofInputStream} (an {@code InputStream}), {@code
 * ofLines} (a {@code Stream}), {@code ofPublisher} (a {@code Flow.Publisher}). Until such a body is
 * read to the end or closed, the exchange keeps its connection (and, on HTTP/2, its stream window).
 * So: anything {@link AutoCloseable} is closed — closing the JDK's stream cancels the exchange's
 * subscription — and a publisher is subscribed to and cancelled at once, which is what releases an
 * unread {@code ofPublisher} body. A body that hides an unread stream inside a type of its own (a
 * {@code Supplier} from {@code BodySubscribers.mapping}, say) cannot be seen through, and is left
 * as it is.
 */
final class DiscardedBodies {
  private static final Logger LOG = LoggerFactory.getLogger(DiscardedBodies.class);

  private DiscardedBodies() {}

  /** Closes or cancels {@code body}, which may be null (e.g. {@code discarding()}); never throws. */
  static void release(@Nullable Object body) {
    try {
      if (body instanceof AutoCloseable) {
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
