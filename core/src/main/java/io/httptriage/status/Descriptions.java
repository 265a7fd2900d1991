package io.httptriage.status;

import java.util.Locale;
import java.util.Objects;

/**
 * The English and Traditional Chinese (Taiwan) descriptions of one registry entry.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * String zh = StatusRegistry.lookup(429).descriptions().zhTw();
 * }</pre>
 *
 * @param en the English text
 * @param zhTw the Traditional Chinese text, in Taiwan usage
 */
public record Descriptions(String en, String zhTw) {

  /**
   * Validates the fields.
   *
   * @param en the English text
   * @param zhTw the Traditional Chinese text, in Taiwan usage
   */
  public Descriptions {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(zhTw, "zhTw");
  }

  /**
   * {@return the text for a locale: Traditional Chinese for Chinese in Taiwan, Hong Kong, Macau or
   * the Hant script, English for everything else}
   *
   * @param locale the language
   */
  public String in(Locale locale) {
    return isTraditionalChinese(locale) ? zhTw : en;
  }

  static boolean isTraditionalChinese(Locale locale) {
    if (!"zh".equals(locale.getLanguage())) {
      return false;
    }
    String country = locale.getCountry();
    return "Hant".equals(locale.getScript())
        || "TW".equals(country)
        || "HK".equals(country)
        || "MO".equals(country);
  }
}
