package io.httptriage.classify;

import io.httptriage.exchange.RequestView;
import io.httptriage.status.StatusRegistry;
import java.util.List;
import java.util.Optional;

/**
 * What a transport failure — an attempt that ended in an exception instead of a response — tells
 * about the request, in the three kinds a retry decision needs. RFC 9110 §9.2.2 allows a client to
 * repeat a request automatically after a communication failure when its method is idempotent, and
 * otherwise only when it "has some means to know that the request semantics are actually
 * idempotent, regardless of the method, or some means to detect that the original request was never
 * applied to the resource". The kinds sort failures by exactly that:
 *
 * <ul>
 *   <li>{@link #NOT_SENT}: no byte of the request can have reached the server (connection refused,
 *       connect timeout, host name not resolved). The request was never applied, so repeating it is
 *       safe for any method.
 *   <li>{@link #SENT_NO_RESPONSE}: the request was, or may have been, sent and no response came
 *       back (connection reset, end of stream on a reused connection, read timeout). The server may
 *       have acted on it: only an idempotent request, or one carrying an {@code Idempotency-Key},
 *       may be repeated. Any failure that cannot be placed lands here, the cautious side of §9.2.2.
 *       A GET or HEAD whose connection was reset or closed before any response byte (not a timeout)
 *       is resent once at once, as the JDK client does by itself whatever its settings: a pair of
 *       attempts on every client, even when one attempt is allowed (the engine's {@code FailedSend}
 *       says how).
 *   <li>{@link #NEVER_RETRIED}: repeating cannot help or was not wanted: a failed TLS handshake or
 *       certificate check (the same peer would fail the same way, and retrying a certificate error
 *       only repeats a security warning), or the caller's own cancellation, interruption or call
 *       deadline.
 * </ul>
 *
 * <p>How an exception maps to a kind is the same for OkHttp (5.x and 4.12) and the JDK's {@code
 * java.net.http} client, tested against the exceptions both really throw; see {@link #of(Throwable,
 * boolean)}. Each kind carries a bounded metric tag value, {@link #tag()}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * FailureKind kind = FailureKind.of(exception, call.isCanceled());
 * meter.tag("error", kind.tag());   // "not_sent", "sent_no_response" or "never_retried"
 * }</pre>
 */
public enum FailureKind {
  /** No byte of the request can have reached the server: safe to repeat for any method. */
  NOT_SENT("not_sent"),
  /** The request may have reached the server, and no response came: repeat only if idempotent. */
  SENT_NO_RESPONSE("sent_no_response"),
  /** A TLS or certificate failure, or the caller's cancellation: never repeated. */
  NEVER_RETRIED("never_retried");

  private final String tag;

  FailureKind(String tag) {
    this.tag = tag;
  }

  /**
   * The value of the {@code error} tag on meters for this kind: one of three fixed strings.
   *
   * @return the tag value: {@code not_sent}, {@code sent_no_response} or {@code never_retried}
   */
  public String tag() {
    return tag;
  }

  /**
   * Whether RFC 9110 §9.2.2 lets a client repeat {@code request} automatically after a failure of
   * this kind: {@link #NOT_SENT} for any request (it was never applied); {@link #SENT_NO_RESPONSE}
   * for an idempotent method, or any method carrying a non-blank {@code Idempotency-Key} (the
   * "means to know that the request semantics are actually idempotent"); {@link #NEVER_RETRIED}
   * never. Whether the retry is then made is for the gates: replayable body, attempts, deadline,
   * budget.
   *
   * @param request the request that failed
   * @return true when a retry may be considered
   */
  public boolean permitsRetry(RequestView request) {
    switch (this) {
      case NOT_SENT:
        return true;
      case SENT_NO_RESPONSE:
        return Classifier.isIdempotent(request);
      default:
        return false;
    }
  }

  /**
   * The verdict on an attempt that ended in a failure of this kind, for the same gates and reports
   * as a response's: {@link Verdict.Kind#RETRY} when {@link #permitsRetry} allows it, else {@link
   * Verdict.Kind#FAIL} with the reason. Its status is 0 (no response), handled as {@code policy}.
   *
   * @param request the request that failed
   * @param errorType the class name of the exception, for the reason's detail
   * @param policy the policy reported with the verdict: the policy table's for status 0
   * @return the verdict; never RETRY for {@link #NEVER_RETRIED}
   */
  public Verdict verdict(RequestView request, String errorType, StatusPolicy policy) {
    Reason failed =
        new Reason(Reason.Kind.TRANSPORT_FAILURE, tag + ": " + errorType, "RFC 9110 §9.2.2");
    boolean retry = permitsRetry(request);
    Reason why;
    if (retry) {
      why =
          new Reason(
              Reason.Kind.RETRYABLE,
              this == NOT_SENT
                  ? "the request never left: safe to repeat whatever the method"
                  : request.method() + " may be repeated after no response came",
              "RFC 9110 §9.2.2");
    } else if (this == SENT_NO_RESPONSE) {
      why =
          new Reason(
              Reason.Kind.NOT_IDEMPOTENT,
              request.method() + " without " + Methods.IDEMPOTENCY_KEY + " is not repeated",
              "RFC 9110 §9.2.2");
    } else {
      why =
          new Reason(
              Reason.Kind.NOT_RETRYABLE,
              "a TLS or certificate failure, or the caller's cancellation, is never repeated",
              "RFC 9110 §9.2.2");
    }
    return new Verdict(
        retry ? Verdict.Kind.RETRY : Verdict.Kind.FAIL,
        StatusRegistry.lookup(0),
        policy,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        List.of(failed, why));
  }

  /**
   * The kind of a failure the client threw, the caller not having cancelled. Same as {@code
   * of(failure, false)}.
   *
   * @param failure what the client threw
   * @return the kind; never null
   */
  public static FailureKind of(Throwable failure) {
    return FailureClassifier.classify(failure, false);
  }

  /**
   * The kind of a failure the client threw. Never throws.
   *
   * <p>{@code cancelledByCaller} is the client's own word that the caller cancelled the call
   * (OkHttp's {@code Call.isCanceled()}, a cancelled {@code sendAsync} future): OkHttp reports a
   * cancellation as a plain {@code IOException("Canceled")}, which the exception alone cannot tell
   * from a broken connection. Otherwise, first match wins:
   *
   * <ol>
   *   <li>{@code null}, an interruption ({@code InterruptedException}, an {@code
   *       InterruptedIOException} that is not a socket timeout — OkHttp's call timeout), a {@code
   *       CancellationException}, or anything that is not an {@code IOException}: {@link
   *       #NEVER_RETRIED}.
   *   <li>TLS: an {@code SSLHandshakeException}, an {@code SSLPeerUnverifiedException}, a {@code
   *       CertificateException} anywhere in the causes, or any other {@code SSLException} not
   *       caused by a broken socket: {@link #NEVER_RETRIED}.
   *   <li>Connect phase, anywhere in the causes: {@code ConnectException} (refused, and the JDK
   *       client's wrapper of every connect failure), {@code UnknownHostException}, {@code
   *       NoRouteToHostException}, an unresolved address, the JDK client's {@code
   *       HttpConnectTimeoutException}, or a {@code SocketTimeoutException} thrown by {@code
   *       Socket.connect}: {@link #NOT_SENT}. A socket timeout is told apart by where it was
   *       thrown, not by its message: OkHttp throws the same type for connect and read timeouts,
   *       and only a connect timeout has {@code java.net.Socket.connect} on its stack.
   *   <li>Any other {@code IOException}: {@link #SENT_NO_RESPONSE}.
   * </ol>
   *
   * @param failure what the client threw; {@code ExecutionException}, {@code CompletionException}
   *     and {@code UncheckedIOException} wrappers are looked through
   * @param cancelledByCaller whether the caller had cancelled the call when it failed
   * @return the kind; never null
   */
  public static FailureKind of(Throwable failure, boolean cancelledByCaller) {
    return FailureClassifier.classify(failure, cancelledByCaller);
  }
}
