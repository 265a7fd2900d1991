package io.httptriage.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable multimap of header fields with case-insensitive names (RFC 9110 §5.1).
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Headers h = Headers.of("Retry-After", "120", "Set-Cookie", "a=1", "set-cookie", "b=2");
 * h.first("retry-after"); // Optional[120]
 * h.all("Set-Cookie");    // [a=1, b=2]
 * }</pre>
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  private final Map<String, List<String>> fields;

  private Headers(TreeMap<String, List<String>> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** {@return no header fields} */
  public static Headers empty() {
    return EMPTY;
  }

  /**
   * Header fields from alternating names and values.
   *
   * @param namesAndValues name, value, name, value...
   * @return the header fields, in order
   * @throws IllegalArgumentException when the count is odd or an element is null
   */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "namesAndValues: expected name/value pairs, got an odd count");
    }
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = namesAndValues[i];
      String value = namesAndValues[i + 1];
      if (name == null || value == null) {
        throw new IllegalArgumentException(
            "namesAndValues: null at index " + (name == null ? i : i + 1));
      }
      map.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return freeze(map);
  }

  /**
   * Header fields copied from a map such as {@code java.net.http.HttpHeaders#map()}.
   *
   * @param map field names to their values, in order
   * @return the header fields
   * @throws IllegalArgumentException when the map or any name or value is null
   */
  public static Headers copyOf(Map<String, ? extends List<String>> map) {
    if (map == null) {
      throw new IllegalArgumentException("map: must not be null");
    }
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, ? extends List<String>> e : map.entrySet()) {
      // Not values.contains(null): immutable lists, such as HttpHeaders#map()'s, throw on it.
      if (e.getKey() == null || e.getValue() == null || hasNull(e.getValue())) {
        throw new IllegalArgumentException("map: null name or value under " + e.getKey());
      }
      copy.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
    }
    return freeze(copy);
  }

  private static boolean hasNull(List<String> values) {
    for (String v : values) {
      if (v == null) {
        return true;
      }
    }
    return false;
  }

  private static Headers freeze(TreeMap<String, List<String>> map) {
    if (map.isEmpty()) {
      return EMPTY;
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return new Headers(map);
  }

  /**
   * {@return the first value of a field, if present}
   *
   * @param name the field name, matched case-insensitively
   */
  public Optional<String> first(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * {@return every value of a field, in order; empty when absent}
   *
   * @param name the field name, matched case-insensitively
   */
  public List<String> all(String name) {
    List<String> values = fields.get(name);
    return values == null ? List.of() : values;
  }

  /**
   * {@return true when the field is present}
   *
   * @param name the field name, matched case-insensitively
   */
  public boolean contains(String name) {
    return fields.containsKey(name);
  }

  /** {@return the field names, as first seen} */
  public Set<String> names() {
    return fields.keySet();
  }

  /** {@return true when there are no fields} */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers && fields.equals(((Headers) o).fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
