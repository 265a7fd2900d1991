package io.httptriage.cli;

/**
 * A command that cannot do its job because of what it was given or could not reach: bad arguments,
 * a malformed URL, a refused connection. The command line prints its message as one line on stderr
 * and exits with status 2; it never shows a stack trace for it.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandFailure(String message) {
    super(oneLine(message), null, false, false);
  }

  /** Control characters (line breaks included) become spaces, so the message stays one line. */
  static String oneLine(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return sb.toString().strip();
  }
}
