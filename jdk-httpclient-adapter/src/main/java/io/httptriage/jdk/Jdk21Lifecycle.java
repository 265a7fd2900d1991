package io.httptriage.jdk;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Reaches the lifecycle methods that {@link HttpClient} gained in JDK 21 ({@code close}, {@code
 * shutdown}, {@code shutdownNow}, {@code awaitTermination}, {@code isTerminated}) on a delegate,
 * although this module compiles for release 17. On JDK 17 they do not exist and every call here is
 * a no-op that reports "not terminated".
 */
final class Jdk21Lifecycle {
  private static final Optional<MethodHandle> CLOSE =
      find("close", MethodType.methodType(void.class));
  private static final Optional<MethodHandle> SHUTDOWN =
      find("shutdown", MethodType.methodType(void.class));
  private static final Optional<MethodHandle> SHUTDOWN_NOW =
      find("shutdownNow", MethodType.methodType(void.class));
  private static final Optional<MethodHandle> AWAIT_TERMINATION =
      find("awaitTermination", MethodType.methodType(boolean.class, Duration.class));
  private static final Optional<MethodHandle> IS_TERMINATED =
      find("isTerminated", MethodType.methodType(boolean.class));

  private Jdk21Lifecycle() {}

  /** True when the running JDK has the lifecycle methods. */
  static boolean available() {
    return IS_TERMINATED.isPresent();
  }

  static void close(HttpClient delegate) {
    invokeVoid(CLOSE, delegate);
  }

  static void shutdown(HttpClient delegate) {
    invokeVoid(SHUTDOWN, delegate);
  }

  static void shutdownNow(HttpClient delegate) {
    invokeVoid(SHUTDOWN_NOW, delegate);
  }

  static boolean awaitTermination(HttpClient delegate, Duration duration)
      throws InterruptedException {
    if (AWAIT_TERMINATION.isEmpty()) {
      return false;
    }
    try {
      return (boolean) AWAIT_TERMINATION.get().invoke(delegate, duration);
    } catch (InterruptedException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  static boolean isTerminated(HttpClient delegate) {
    if (IS_TERMINATED.isEmpty()) {
      return false;
    }
    try {
      return (boolean) IS_TERMINATED.get().invoke(delegate);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static void invokeVoid(Optional<MethodHandle> handle, HttpClient delegate) {
    if (handle.isEmpty()) {
      return;
    }
    try {
      handle.get().invoke(delegate);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static Optional<MethodHandle> find(String name, MethodType type) {
    try {
      return Optional.of(MethodHandles.publicLookup().findVirtual(HttpClient.class, name, type));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return Optional.empty();
    }
  }
}
