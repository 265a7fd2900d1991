package io.httptriage.exchange;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The plain request view behind {@link RequestView#of}. */
record BasicRequestView(
    String method, URI uri, Headers headerFields, boolean hasBody, boolean bodyReplayable)
    implements RequestView {

  /** The fields {@link RequestView#headerNames()} probes when a view cannot list its own. */
  static final List<String> INSPECTED_FIELDS =
      List.of(
          "Authorization",
          "Cookie",
          "Proxy-Authorization",
          "Idempotency-Key",
          "Content-Encoding",
          "Content-Language",
          "Content-Location",
          "Content-Type",
          "Content-Length",
          "Digest",
          "Content-Digest",
          "Repr-Digest",
          "Last-Modified");

  BasicRequestView {
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("method: must not be blank");
    }
    if (uri == null) {
      throw new IllegalArgumentException("uri: must not be null");
    }
    if (headerFields == null) {
      throw new IllegalArgumentException("headers: must not be null");
    }
  }

  @Override
  public Optional<String> header(String name) {
    return headerFields.first(name);
  }

  @Override
  public List<String> headers(String name) {
    return headerFields.all(name);
  }

  @Override
  public Set<String> headerNames() {
    return headerFields.names();
  }
}
