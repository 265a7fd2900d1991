package io.httptriage.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Reads the English and Traditional Chinese description files shipped in this package. */
final class DescriptionSource {
  private static final String EN = "descriptions_en.properties";
  private static final String ZH_TW = "descriptions_zh_TW.properties";

  private static volatile DescriptionSource shared;

  private final Properties en;
  private final Properties zhTw;

  private DescriptionSource(Properties en, Properties zhTw) {
    this.en = en;
    this.zhTw = zhTw;
  }

  static DescriptionSource load() {
    DescriptionSource source = new DescriptionSource(read(EN), read(ZH_TW));
    shared = source;
    return source;
  }

  static DescriptionSource shared() {
    DescriptionSource s = shared;
    return s != null ? s : load();
  }

  /** The texts under a key; the given fallbacks stand in for a missing line rather than failing. */
  Descriptions get(String key, String fallbackEn, String fallbackZhTw) {
    return new Descriptions(en.getProperty(key, fallbackEn), zhTw.getProperty(key, fallbackZhTw));
  }

  boolean has(String key) {
    return en.containsKey(key) && zhTw.containsKey(key);
  }

  private static Properties read(String name) {
    Properties p = new Properties();
    try (InputStream in = DescriptionSource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to StatusRegistry");
      }
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    return p;
  }
}
