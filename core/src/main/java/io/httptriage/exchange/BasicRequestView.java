package io.httptriage.exchange;

import io.httptriage.headers.FieldValues;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The plain request view behind {@link RequestView#of}. */
record BasicRequestView(
    String method, URI uri, Headers headerFields, boolean hasBody, boolean bodyReplayable)
    implements RequestView {

  /** The fields {@link RequestView#headerNames()} probes when a view cannot list its own. */
  static final List<String> INSPECTED_FIELDS =
      Stream.concat(
              Stream.of("Authorization", "Cookie", "Proxy-Authorization", "Idempotency-Key"),
              FieldValues.CONTENT_FIELDS.stream())
          .toList();

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
