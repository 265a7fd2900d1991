package io.httptriage.status;

import java.util.Locale;
import java.util.Objects;

/**
 * A meaning a status number has had in the past or has elsewhere, next to the one the registry
 * gives it: a WebDAV draft's 421 "Destination Locked", Exchange ActiveSync's 451 "Redirect", Esri's
 * 499 "Token Required". Recorded so that a user who meets the number in an old document or from one
 * of those servers can understand what they saw.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * for (OtherMeaning m : StatusRegistry.lookup(451).otherMeanings()) {
 *   System.out.println(m.reason() + " (" + m.origin() + ")");
 * }
 * }</pre>
 *
 * @param id a short stable identifier, unique within one code (e.g. {@code exchange-redirect})
 * @param reason the reason phrase used with that meaning
 * @param origin who used or uses it
 * @param kind whether it is historical or a current collision
 * @param text the description, in English and Traditional Chinese
 */
public record OtherMeaning(String id, String reason, String origin, Kind kind, Descriptions text) {

  /** Whether the other meaning is a thing of the past or still in use somewhere. */
  public enum Kind {
    /** An earlier draft, specification or convention; no longer in use. */
    HISTORICAL,
    /** In current use by a vendor, colliding with the registry's meaning. */
    COLLISION
  }

  /**
   * Validates the fields.
   *
   * @param id a short stable identifier, unique within one code (e.g. {@code exchange-redirect})
   * @param reason the reason phrase used with that meaning
   * @param origin who used or uses it
   * @param kind whether it is historical or a current collision
   * @param text the description, in English and Traditional Chinese
   */
  public OtherMeaning {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
  }

  /**
   * {@return the description in the given locale (Traditional Chinese for {@code zh-TW} / {@code
   * zh-Hant}, English otherwise)}
   *
   * @param locale the language
   */
  public String description(Locale locale) {
    return text.in(locale);
  }
}
