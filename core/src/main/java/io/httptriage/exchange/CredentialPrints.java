package io.httptriage.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fingerprints of credential values, so that a {@link Hop} can tell whose credential a request
 * carried without holding it: a keyed SHA-256 of the field name and one credential (the whole
 * Authorization value; one {@code name=value} pair of a Cookie or Set-Cookie, RFC 6265 §4.1.1,
 * §4.2.1), cut to 64 bits. The key is drawn once per JVM and never leaves it, so a logged hop gives
 * nothing to test guesses against. Stateless apart from that constant; thread-safe.
 */
final class CredentialPrints {
  /** The request fields whose values are fingerprinted; the audit compares these by value. */
  static final List<String> FIELDS = List.of("Authorization", "Cookie", "Proxy-Authorization");

  private static final byte[] KEY = new SecureRandom().generateSeed(16);
  private static final HexFormat HEX = HexFormat.of();

  private CredentialPrints() {}

  /** The prints of the credentials a request sent. */
  static Set<String> ofRequest(RequestView request) {
    Set<String> prints = new TreeSet<>();
    for (String field : FIELDS) {
      for (String value : request.headers(field)) {
        if (field.equals("Cookie")) {
          for (String pair : value.split(";")) {
            add(prints, "cookie", pair.strip());
          }
        } else {
          add(prints, field, value.strip());
        }
      }
    }
    return prints.isEmpty() ? Set.of() : Collections.unmodifiableSet(prints);
  }

  /** The prints of the cookies a response set, as the Cookie field would carry them. */
  static Set<String> ofSetCookies(ResponseView response) {
    Set<String> prints = new TreeSet<>();
    for (String value : response.headers("Set-Cookie")) {
      int semicolon = value.indexOf(';');
      add(prints, "cookie", (semicolon < 0 ? value : value.substring(0, semicolon)).strip());
    }
    return prints.isEmpty() ? Set.of() : Collections.unmodifiableSet(prints);
  }

  /** The prefix of the prints of a field, e.g. {@code "cookie:"}. */
  static String prefix(String field) {
    return field.toLowerCase(Locale.ROOT) + ":";
  }

  private static void add(Set<String> prints, String field, String credential) {
    if (credential.isEmpty()) {
      return;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(KEY);
      sha.update(field.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(credential.getBytes(StandardCharsets.UTF_8));
      prints.add(prefix(field) + HEX.formatHex(sha.digest(), 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
