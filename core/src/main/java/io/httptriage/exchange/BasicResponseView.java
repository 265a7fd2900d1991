package io.httptriage.exchange;

import java.util.List;
import java.util.Optional;

/** The plain response view behind {@link ResponseView#of}. */
record BasicResponseView(int status, Headers headerFields) implements ResponseView {

  BasicResponseView {
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
}
