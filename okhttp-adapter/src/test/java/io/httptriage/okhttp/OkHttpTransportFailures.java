package io.httptriage.okhttp;

import io.httptriage.contract.TransportFailureContract.Failure;

/**
 * CHARACTERIZATION, before #15: OkHttp's connection attempts per transport failure today, measured
 * on 5.x and 4.12 with {@code retryOnConnectionFailure} left at its default (true). httptriage
 * passes transport failures through untouched, so bare OkHttp and OkHttp with httptriage agree. The
 * integration replaces these counts by the target ones.
 */
final class OkHttpTransportFailures {
  private OkHttpTransportFailures() {}

  static int today(Failure failure, String method) {
    switch (failure) {
      case UNKNOWN_HOST:
        return 0; // no address, no connect
      case EOF_ON_REUSE:
        // RetryAndFollowUpInterceptor.recover: after the stale pooled connection, a new one on the
        // same route; 5.x then tries the route once more. A POST is resent as well: its body is
        // not one-shot.
        return OkHttpVersion.running().startsWith("4.") ? 2 : 3;
      default:
        return 1;
    }
  }
}
