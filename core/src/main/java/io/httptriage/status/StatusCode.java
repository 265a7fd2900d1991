package io.httptriage.status;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of the status registry: what a status code means and what a response carrying it must
 * look like.
 *
 * <p>Entries exist for every registered code, for unofficial codes in vendor use, and — built on
 * demand — for unknown codes (handled as the x00 code of their class, RFC 9110 §15) and invalid
 * ones outside 100..599 (handled as a 5xx, RFC 9110 §15). {@link #equivalentCode()} says which code
 * a client should behave as.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * StatusCode sc = StatusRegistry.lookup(413);
 * sc.reason();          // "Content Too Large"
 * sc.formerReasons();   // ["Payload Too Large", "Request Entity Too Large"]
 * sc.spec();            // "RFC 9110 §15.5.14"
 * }</pre>
 */
public final class StatusCode {
  private final int code;
  private final String reason;
  private final StatusClass statusClass;
  private final Standing standing;
  private final String spec;
  private final Optional<String> origin;
  private final List<HeaderRule> headerRules;
  private final boolean contentForbidden;
  private final boolean contentLengthForbidden;
  private final Descriptions descriptions;
  private final List<String> formerReasons;
  private final List<OtherMeaning> otherMeanings;
  private final int equivalentCode;

  @SuppressWarnings("ParameterNumber")
  StatusCode(
      int code,
      String reason,
      Standing standing,
      String spec,
      Optional<String> origin,
      List<HeaderRule> headerRules,
      boolean contentForbidden,
      boolean contentLengthForbidden,
      Descriptions descriptions,
      List<String> formerReasons,
      List<OtherMeaning> otherMeanings,
      int equivalentCode) {
    this.code = code;
    this.reason = reason;
    this.statusClass = StatusClass.of(code);
    this.standing = standing;
    this.spec = spec;
    this.origin = origin;
    this.headerRules = List.copyOf(headerRules);
    this.contentForbidden = contentForbidden;
    this.contentLengthForbidden = contentLengthForbidden;
    this.descriptions = descriptions;
    this.formerReasons = List.copyOf(formerReasons);
    this.otherMeanings = List.copyOf(otherMeanings);
    this.equivalentCode = equivalentCode;
  }

  /** {@return the numeric code, exactly as looked up} */
  public int code() {
    return code;
  }

  /** {@return the reason phrase: RFC 9110's current name, the vendor's phrase, or a placeholder} */
  public String reason() {
    return reason;
  }

  /** {@return the class by first digit; {@link StatusClass#INVALID} outside 100..599} */
  public StatusClass statusClass() {
    return statusClass;
  }

  /** {@return registered, deprecated, unofficial, unknown...} */
  public Standing standing() {
    return standing;
  }

  /**
   * {@return where the code is defined: {@code "RFC 9110 §15.4.8"}, {@code "RFC 6585 §4"}, or for
   * an unofficial code the vendor's source or documentation}
   */
  public String spec() {
    return spec;
  }

  /**
   * {@return who uses an unofficial code ({@code "nginx"}, {@code "Cloudflare"}); empty otherwise}
   */
  public Optional<String> origin() {
    return origin;
  }

  /** {@return the header fields a response with this code must, should or may carry} */
  public List<HeaderRule> headerRules() {
    return headerRules;
  }

  /**
   * {@return true when a response with this code cannot carry content: 1xx, 204 and 304 (RFC 9110
   * §6.4.1), and 205, where the server MUST NOT generate any (RFC 9110 §15.3.6)}
   */
  public boolean contentForbidden() {
    return contentForbidden;
  }

  /**
   * {@return true when a server MUST NOT send Content-Length with this code: 1xx and 204 (RFC 9110
   * §8.6)}
   */
  public boolean contentLengthForbidden() {
    return contentLengthForbidden;
  }

  /** {@return the English and Traditional Chinese descriptions} */
  public Descriptions descriptions() {
    return descriptions;
  }

  /**
   * {@return the description for a locale; see {@link Descriptions#in(Locale)}}
   *
   * @param locale the language
   */
  public String description(Locale locale) {
    return descriptions.in(locale);
  }

  /**
   * {@return names this code carried in earlier documents ("Payload Too Large", "Request
   * Time-out")}
   */
  public List<String> formerReasons() {
    return formerReasons;
  }

  /** {@return historical or colliding meanings of the same number} */
  public List<OtherMeaning> otherMeanings() {
    return otherMeanings;
  }

  /**
   * {@return the code a client should behave as: the code itself when known (registered or
   * unofficial), the x00 code of the class when unknown, 500 when invalid (RFC 9110 §15)}
   */
  public int equivalentCode() {
    return equivalentCode;
  }

  /** {@return true for registered and unofficial entries; false for unknown and invalid codes} */
  public boolean isKnown() {
    return standing != Standing.UNKNOWN && standing != Standing.INVALID;
  }

  /** {@code "404 Not Found"}. */
  @Override
  public String toString() {
    return code + " " + reason;
  }
}
