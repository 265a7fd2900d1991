package io.httptriage.cli;

import java.io.IOException;

/**
 * A real HTTP client with httptriage installed, as {@code probe} and {@code demo} use it: sends a
 * {@link ProbeRequest} and waits for the final response. What triage did on the way reaches the
 * {@link ExchangeRecorder} through the configuration the client was built with.
 *
 * <p>Implementations translate only; every decision is the adapter's and core's.
 */
interface ProbeClient extends AutoCloseable {

  /**
   * Sends one request and reads the final response.
   *
   * @return the status of the response the caller receives
   * @throws IOException when the server cannot be reached or the exchange breaks off
   * @throws CommandFailure when the client refuses the request (a header it forbids, a GET body...)
   */
  int send(ProbeRequest request) throws IOException;

  /** Releases threads and connections. */
  @Override
  void close();
}
