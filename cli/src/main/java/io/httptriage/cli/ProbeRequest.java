package io.httptriage.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One request as {@code probe} was asked to send it: method, absolute http(s) URI, header fields in
 * order, and the body of {@code -d}. Built from the command line with the rules curl users expect:
 * {@code -d} makes the default method POST and, without a Content-Type, sends the data as {@code
 * application/x-www-form-urlencoded}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param method the method, case-sensitive as typed (RFC 9110 §9.1)
 * @param uri the absolute http or https target
 * @param headers the header fields, in order
 * @param body the content to send, if any
 */
record ProbeRequest(String method, URI uri, List<Header> headers, Optional<String> body) {
  /** The media type curl gives {@code -d} data. */
  static final String FORM = "application/x-www-form-urlencoded";

  private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

  /**
   * One header field.
   *
   * @param name the field name, a token
   * @param value the field value, without line breaks
   */
  record Header(String name, String value) {}

  ProbeRequest {
    headers = List.copyOf(headers);
  }

  /** A plain GET, for the demo and tests. */
  static ProbeRequest get(URI uri, Header... headers) {
    return new ProbeRequest("GET", uri, List.of(headers), Optional.empty());
  }

  /** A request with a body, labelled with {@code contentType}. */
  static ProbeRequest withBody(String method, URI uri, String contentType, String body) {
    return new ProbeRequest(
        method, uri, List.of(new Header("Content-Type", contentType)), Optional.of(body));
  }

  /**
   * The request described by {@code probe}'s arguments.
   *
   * @throws CommandFailure for a malformed URL, method or header
   */
  static ProbeRequest parse(
      String url, Optional<String> method, Optional<String> data, List<String> headers) {
    List<Header> fields = new ArrayList<>();
    for (String h : headers) {
      fields.add(parseHeader(h));
    }
    if (data.isPresent()
        && fields.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
      fields.add(new Header("Content-Type", FORM));
    }
    String m = method.orElse(data.isPresent() ? "POST" : "GET");
    if (!isToken(m)) {
      throw new CommandFailure("'" + m + "' is not a request method (RFC 9110 §9.1)");
    }
    return new ProbeRequest(m, parseUrl(url), fields, data);
  }

  /** The first value of a header field, matched case-insensitively. */
  Optional<String> header(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst();
  }

  static URI parseUrl(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new CommandFailure("malformed URL '" + url + "': " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new CommandFailure(
          "malformed URL '" + url + "': expected http://host/... or https://host/...");
    }
    return uri;
  }

  private static Header parseHeader(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? "" : text.substring(0, colon).strip();
    if (!isToken(name)) {
      throw new CommandFailure("malformed header '" + text + "': expected -H 'Name: value'");
    }
    String value = text.substring(colon + 1).strip();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        throw new CommandFailure(
            "malformed header '" + name + "': its value holds a line break or NUL");
      }
    }
    return new Header(name, value);
  }

  private static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || TOKEN_CHARS.indexOf(c) >= 0);
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
