package io.httptriage.headers;

import java.net.IDN;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The canonical form of a URL host, as the WHATWG host parser and OkHttp's {@code HttpUrl} write
 * it: an IPv6 literal in RFC 5952 text (lower case, the first longest run of two or more zero
 * groups as {@code ::}, an IPv4-mapped address as IPv4), any other name mapped to ASCII (IDNA, RFC
 * 3490) and lower-cased. Stateless and thread-safe.
 */
final class Hosts {
  /** Code points a host may not hold (WHATWG "forbidden host code point", as OkHttp reads it). */
  private static final String FORBIDDEN = " #%/:?@[\\]";

  private Hosts() {}

  /** The canonical host, without brackets; null when it is not a valid host. */
  static @Nullable String canonical(String host) {
    if (host.indexOf(':') >= 0) {
      boolean bracketed = host.startsWith("[") && host.endsWith("]") && host.length() > 2;
      return ipv6(bracketed ? host.substring(1, host.length() - 1) : host);
    }
    try {
      String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      return ascii.isEmpty() || hasForbidden(ascii) ? null : ascii;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean hasForbidden(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c <= 0x1f || c >= 0x7f || FORBIDDEN.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Only a literal reaches InetAddress, so that no name lookup can happen. */
  private static @Nullable String ipv6(String literal) {
    if (literal.isEmpty()) {
      return null;
    }
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
        return null;
      }
    }
    InetAddress address;
    try {
      address = InetAddress.getByName("[" + literal + "]");
    } catch (UnknownHostException | RuntimeException e) {
      return null;
    }
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    byte[] b = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
