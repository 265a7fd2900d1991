package io.httptriage.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every HTTP status code httptriage knows, looked up by number.
 *
 * <p>{@link #lookup(int)} accepts any int and never throws. Registered and unofficial codes give
 * their entry; an unregistered code in 100..599 gives an entry of standing {@link Standing#UNKNOWN}
 * that behaves as the x00 code of its class; anything else gives an entry of standing {@link
 * Standing#INVALID} that behaves as 500, as RFC 9110 §15 asks. Lookups of values in 0..999 read a
 * precomputed table and allocate nothing.
 *
 * <p>Thread-safe; the registry is built once and never changes.
 *
 * <pre>{@code
 * StatusCode sc = StatusRegistry.lookup(429);
 * System.out.println(sc + " — " + sc.spec()); // 429 Too Many Requests — RFC 6585 §4
 * }</pre>
 */
public final class StatusRegistry {
  private static final int TABLE_SIZE = 1000;
  private static final StatusCode[] TABLE = new StatusCode[TABLE_SIZE];
  private static final List<StatusCode> KNOWN;

  static {
    DescriptionSource texts = DescriptionSource.load();
    List<StatusCode> known = new ArrayList<>();
    for (StatusCode sc : StatusCatalog.build(texts)) {
      TABLE[sc.code()] = sc;
      known.add(sc);
    }
    for (int code = 0; code < TABLE_SIZE; code++) {
      if (TABLE[code] == null) {
        TABLE[code] = StatusCatalog.fallback(code, texts);
      }
    }
    KNOWN = Collections.unmodifiableList(known);
  }

  private StatusRegistry() {}

  /**
   * The entry for any int; never throws, never returns null.
   *
   * @param code any value, including negative and huge ones
   * @return the known entry, or an unknown / invalid entry describing how to treat it
   */
  public static StatusCode lookup(int code) {
    if (code >= 0 && code < TABLE_SIZE) {
      return TABLE[code];
    }
    return StatusCatalog.fallback(code, DescriptionSource.shared());
  }

  /**
   * The entry for a known (registered or unofficial) code.
   *
   * @param code any value
   * @return the entry, or empty when the code is unknown or invalid
   */
  public static Optional<StatusCode> find(int code) {
    StatusCode sc = lookup(code);
    return sc.isKnown() ? Optional.of(sc) : Optional.empty();
  }

  /** {@return every known entry, registered and unofficial, in ascending order of code} */
  public static List<StatusCode> all() {
    return KNOWN;
  }
}
