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
public record Recorded(String method, String path, Headers headers, String body) {}
