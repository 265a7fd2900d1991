package io.httptriage.contract;

import io.httptriage.exchange.Headers;

/**
 * A request as the test server received it.
 *
 * @param method the method
 * @param path the request target
 * @param headers the header fields
 * @param body the body as UTF-8 text
 */
public record Recorded(String method, String path, Headers headers, String body) {

  /**
   * Core's headers from OkHttp's, which both test servers record (the class is the same in 4.12 and
   * 5).
   */
  public static Headers fieldsOf(okhttp3.Headers h) {
    String[] pairs = new String[h.size() * 2];
    for (int i = 0; i < h.size(); i++) {
      pairs[2 * i] = h.name(i);
      pairs[2 * i + 1] = h.value(i);
    }
    return Headers.of(pairs);
  }
}
