package io.httptriage.cli;

import io.httptriage.status.StatusClass;
import java.io.Console;
import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;

/**
 * How text is emphasised on stdout: ANSI colours on an interactive terminal, nothing anywhere else
 * (a pipe, a file, a test), and nothing when {@code NO_COLOR} is set (https://no-color.org).
 * Callers pad plain text to width first and style it afterwards, so escape codes never upset
 * alignment.
 *
 * <p>Immutable and thread-safe.
 */
final class Style {
  private static final Style PLAIN = new Style(false);
  private static final Style ANSI = new Style(true);

  private final boolean ansi;

  private Style(boolean ansi) {
    this.ansi = ansi;
  }

  /** No escape codes at all. */
  static Style plain() {
    return PLAIN;
  }

  /**
   * Colour only when stdout is an interactive terminal and {@code NO_COLOR} is absent.
   *
   * @param interactive whether stdout is a terminal
   * @param noColor the value of {@code NO_COLOR}, null when unset; any value, even empty, turns
   *     colour off
   */
  static Style forTerminal(boolean interactive, @Nullable String noColor) {
    return interactive && noColor == null ? ANSI : PLAIN;
  }

  /**
   * Whether this JVM's stdout is an interactive terminal. Up to JDK 21 {@link System#console()} is
   * null unless stdin and stdout are both terminals; from JDK 22 it may be present on a pipe too,
   * and {@code Console.isTerminal()} (looked up reflectively, since we compile for 17) says which.
   */
  static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true;
    }
  }

  boolean isAnsi() {
    return ansi;
  }

  String bold(String s) {
    return wrap("1", s);
  }

  String dim(String s) {
    return wrap("2", s);
  }

  String red(String s) {
    return wrap("31", s);
  }

  String green(String s) {
    return wrap("32", s);
  }

  String yellow(String s) {
    return wrap("33", s);
  }

  String magenta(String s) {
    return wrap("35", s);
  }

  String cyan(String s) {
    return wrap("36", s);
  }

  /** Coloured by class: 2xx green, 3xx cyan, 4xx yellow, 5xx and invalid red. */
  String status(StatusClass c, String s) {
    switch (c) {
      case SUCCESSFUL:
        return green(s);
      case REDIRECTION:
        return cyan(s);
      case CLIENT_ERROR:
        return yellow(s);
      case SERVER_ERROR:
      case INVALID:
        return red(s);
      default:
        return s;
    }
  }

  private String wrap(String code, String s) {
    return ansi && !s.isEmpty() ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
