package io.httptriage.classify;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;

/**
 * The rules behind {@link FailureKind#of(Throwable, boolean)}, in the order written there. Core
 * never imports {@code java.net.http}, so the JDK client's exception types are matched by name.
 *
 * <p>Stateless and thread-safe.
 */
final class FailureClassifier {
  /** Causes are followed at most this deep, so that a cyclic or absurd chain ends. */
  private static final int MAX_DEPTH = 16;

  private static final String JDK_CONNECT_TIMEOUT = "java.net.http.HttpConnectTimeoutException";

  private FailureClassifier() {}

  static FailureKind classify(@Nullable Throwable failure, boolean cancelledByCaller) {
    Throwable t = unwrap(failure);
    if (cancelledByCaller || t == null || isInterruption(t) || !(t instanceof IOException)) {
      return FailureKind.NEVER_RETRIED;
    }
    if (isTlsFailure(t)) {
      return FailureKind.NEVER_RETRIED;
    }
    if (isConnectPhase(t)) {
      return FailureKind.NOT_SENT;
    }
    return FailureKind.SENT_NO_RESPONSE;
  }

  private static @Nullable Throwable unwrap(@Nullable Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; depth < MAX_DEPTH && t != null; depth++) {
      boolean wrapper =
          t instanceof ExecutionException
              || t instanceof CompletionException
              || t instanceof UncheckedIOException;
      if (!wrapper || t.getCause() == null || t.getCause() == t) {
        return t;
      }
      t = t.getCause();
    }
    return t;
  }

  private static boolean isInterruption(Throwable t) {
    return t instanceof InterruptedException
        || t instanceof CancellationException
        || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException));
  }

  private static boolean isTlsFailure(Throwable top) {
    boolean sslSeen = false;
    boolean brokenSocket = false;
    Throwable t = top;
    for (int depth = 0; depth < MAX_DEPTH && t != null; depth++) {
      if (t instanceof SSLHandshakeException
          || t instanceof SSLPeerUnverifiedException
          || t instanceof CertificateException) {
        return true;
      }
      sslSeen |= t instanceof SSLException;
      // A TLS session whose socket broke under it is a broken connection, not a TLS failure.
      brokenSocket |= sslSeen && (t instanceof SocketException || t instanceof EOFException);
      t = next(t);
    }
    return sslSeen && !brokenSocket;
  }

  private static boolean isConnectPhase(Throwable top) {
    Throwable t = top;
    for (int depth = 0; depth < MAX_DEPTH && t != null; depth++) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof UnresolvedAddressException
          || isNamed(t, JDK_CONNECT_TIMEOUT)
          || (t instanceof SocketTimeoutException && thrownByConnect(t))) {
        return true;
      }
      t = next(t);
    }
    return false;
  }

  /** Whether {@code Socket.connect} (OkHttp's way to connect, and the JDK's) threw it. */
  private static boolean thrownByConnect(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().equals("java.net.Socket")
          && frame.getMethodName().equals("connect")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNamed(Throwable t, String className) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(className)) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable Throwable next(Throwable t) {
    Throwable cause = t.getCause();
    return cause == t ? null : cause;
  }
}
