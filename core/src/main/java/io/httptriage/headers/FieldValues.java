package io.httptriage.headers;

import java.util.List;

/**
 * How a received header field value is shown in a message or a log line: never verbatim, since a
 * server controls it. Control characters and Unicode line separators, which could forge a log line,
 * become {@code '_'}; an over-long value is cut.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * log.info("ignored Retry-After '{}'", FieldValues.printable(raw, 64));
 * }</pre>
 */
public final class FieldValues {
  /**
   * The content-specific fields RFC 9110 §15.4 names, which a redirect rewritten to GET drops, and
   * the digest fields of RFC 9530.
   */
  public static final List<String> CONTENT_FIELDS =
      List.of(
          "Content-Encoding",
          "Content-Language",
          "Content-Location",
          "Content-Type",
          "Content-Length",
          "Digest",
          "Content-Digest",
          "Repr-Digest",
          "Last-Modified");

  private FieldValues() {}

  /**
   * {@return the value with every control character and line separator replaced by {@code '_'}}
   *
   * @param value a field value as received
   */
  public static String printable(String value) {
    StringBuilder sb = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        if (sb == null) {
          sb = new StringBuilder(value);
        }
        sb.setCharAt(i, '_');
      }
    }
    return sb == null ? value : sb.toString();
  }

  /**
   * As {@link #printable(String)}, cut to {@code maxLength} characters followed by {@code "..."}
   * when longer.
   *
   * @param value a field value as received
   * @param maxLength the most characters kept before {@code "..."}
   * @return the printable value, cut when longer than {@code maxLength}
   * @throws IllegalArgumentException when {@code maxLength} is negative
   */
  public static String printable(String value, int maxLength) {
    if (maxLength < 0) {
      throw new IllegalArgumentException("maxLength: must be >= 0, was " + maxLength);
    }
    return printable(value.length() > maxLength ? value.substring(0, maxLength) + "..." : value);
  }
}
