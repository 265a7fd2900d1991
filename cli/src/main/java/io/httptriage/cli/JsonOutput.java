package io.httptriage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;

/**
 * The JSON the command line prints ({@code --json}), written by Jackson from maps and lists: keys
 * in the maps' order, two-space indentation, one element per line, {@code "key": value}.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonOutput {
  private static final ObjectWriter WRITER;

  static {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    WRITER = new ObjectMapper().writer(printer);
  }

  private JsonOutput() {}

  /** The JSON text of a value made of maps, lists, strings, numbers, booleans and nulls. */
  static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
