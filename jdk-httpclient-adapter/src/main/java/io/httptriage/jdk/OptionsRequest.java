package io.httptriage.jdk;

import io.httptriage.triage.CallOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * A request carrying the {@link CallOptions} of its call, built by {@link
 * TriageHttpClient#withOptions}: every accessor answers as the request it decorates, so any
 * HttpClient sends it unchanged; {@link TriageHttpClient} takes the options and sends the request
 * it decorates. Immutable.
 */
final class OptionsRequest extends HttpRequest {
  private final HttpRequest request;
  private final CallOptions options;

  OptionsRequest(HttpRequest request, CallOptions options) {
    this.request = request;
    this.options = options;
  }

  HttpRequest request() {
    return request;
  }

  CallOptions options() {
    return options;
  }

  @Override
  public Optional<BodyPublisher> bodyPublisher() {
    return request.bodyPublisher();
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public Optional<Duration> timeout() {
    return request.timeout();
  }

  @Override
  public boolean expectContinue() {
    return request.expectContinue();
  }

  @Override
  public URI uri() {
    return request.uri();
  }

  @Override
  public Optional<HttpClient.Version> version() {
    return request.version();
  }

  @Override
  public HttpHeaders headers() {
    return request.headers();
  }

  @Override
  public String toString() {
    return request + " " + options;
  }
}
