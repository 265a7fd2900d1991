package io.httptriage.cli;

import io.httptriage.status.Obligation;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The two languages of the registry's descriptions, and the few words the command line prints
 * around them. The policy sentences themselves come from the status reference, so that the command
 * line and the generated docs say the same thing.
 */
enum Lang {
  EN(Locale.ENGLISH, "en"),
  ZH_TW(Locale.TAIWAN, "zh-TW");

  private final Locale locale;
  private final String tag;

  Lang(Locale locale, String tag) {
    this.locale = locale;
    this.tag = tag;
  }

  /**
   * The language named by {@code --lang}.
   *
   * @throws TypeConversionException for anything but en or zh-TW (any case, - or _)
   */
  static Lang parse(String value) {
    String v = value.trim().replace('_', '-');
    for (Lang l : values()) {
      if (l.tag.equalsIgnoreCase(v)) {
        return l;
      }
    }
    throw new TypeConversionException("--lang must be en or zh-TW, was '" + value + "'");
  }

  /** Reads {@code --lang} for picocli. */
  static final class Converter implements ITypeConverter<Lang> {
    @Override
    public Lang convert(String value) {
      return parse(value);
    }
  }

  Locale locale() {
    return locale;
  }

  /** The BCP 47 tag, also the key of this language's text in JSON. */
  String tag() {
    return tag;
  }

  String yesNo(boolean b) {
    return this == EN ? (b ? "yes" : "no") : (b ? "是" : "否");
  }

  String retryable() {
    return this == EN ? "retryable" : "可重試";
  }

  String redirectSafe() {
    return this == EN ? "redirect-safe" : "可自動跟隨";
  }

  String methodPreserving() {
    return this == EN ? "method-preserving" : "保留方法";
  }

  String cacheable() {
    return this == EN ? "cacheable" : "可啟發式快取";
  }

  String handledAs(int code) {
    return this == EN
        ? "handled as " + code + " (RFC 9110 §15)"
        : "比照 " + code + " 處理（RFC 9110 §15）";
  }

  /** "used by nginx", "採用者：nginx". */
  String usedBy(String origin) {
    return this == EN ? "used by " + origin : "採用者：" + origin;
  }

  /**
   * A header rule's RFC 2119 keyword: MUST, SHOULD, MAY as written in English; 必須, 應, 可 in Chinese.
   */
  String obligation(Obligation o) {
    if (this == EN) {
      return o.name();
    }
    switch (o) {
      case MUST:
        return "必須";
      case SHOULD:
        return "應";
      default:
        return "可";
    }
  }

  /** Text in parentheses after a word: " (x)" in English, "（x）" in Chinese. */
  String parenthesis(String text) {
    return this == EN ? " (" + text + ")" : "（" + text + "）";
  }

  /** The colon before an explanation: ": " in English, "：" in Chinese. */
  String colon() {
    return this == EN ? ": " : "：";
  }

  /** The label before a code's former names, with its colon. */
  String formerNames() {
    return this == EN ? "formerly: " : "舊名稱：";
  }

  /** The label before a header rule, with its colon. */
  String headerField() {
    return this == EN ? "header: " : "標頭：";
  }

  /** The label before another meaning of the number, with its colon. */
  String otherMeaning() {
    return this == EN ? "also seen as: " : "其他意義：";
  }
}
