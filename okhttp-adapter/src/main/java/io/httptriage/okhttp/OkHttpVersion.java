package io.httptriage.okhttp;

/**
 * The OkHttp version on the classpath at run time. {@code okhttp3.OkHttp.VERSION} is a compile-time
 * constant, so reading it directly would report the version this module was compiled against; it is
 * read reflectively instead.
 */
final class OkHttpVersion {
  private OkHttpVersion() {}

  /** E.g. {@code "5.5.1"} or {@code "4.12.0"}; {@code "unknown"} when it cannot be read. */
  static String running() {
    try {
      Object value = Class.forName("okhttp3.OkHttp").getField("VERSION").get(null);
      return String.valueOf(value);
    } catch (ReflectiveOperationException | LinkageError e) {
      return "unknown";
    }
  }
}
