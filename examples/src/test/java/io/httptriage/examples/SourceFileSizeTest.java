package io.httptriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps every main source file of the repository readable in one sitting: none may exceed {@value
 * #MAX_LINES} lines. A file that grows past it is split along a seam into package-private classes.
 */
class SourceFileSizeTest {
  static final int MAX_LINES = 400;

  @Test
  void noMainSourceFileExceedsFourHundredLines() throws IOException {
    Path root = repositoryRoot();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> isMainSource(root.relativize(p)))
              .collect(Collectors.toList());
    }
    assertThat(sources).as("main sources under %s", root).hasSizeGreaterThan(100);
    List<String> tooLong =
        sources.stream()
            .filter(p -> lines(p) > MAX_LINES)
            .map(p -> root.relativize(p) + " (" + lines(p) + " lines)")
            .sorted()
            .collect(Collectors.toList());
    assertThat(tooLong).as("main source files over %d lines", MAX_LINES).isEmpty();
  }

  /** A file below some module's {@code src/main}, outside build output and hidden folders. */
  private static boolean isMainSource(Path relative) {
    boolean main = false;
    for (int i = 0; i < relative.getNameCount(); i++) {
      String part = relative.getName(i).toString();
      if (part.equals("target") || part.startsWith(".")) {
        return false;
      }
      if (part.equals("src")
          && i + 1 < relative.getNameCount()
          && relative.getName(i + 1).toString().equals("main")) {
        main = true;
      }
    }
    return main;
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checkout the tests run in: the directory of the parent pom, found from here upwards. */
  private static Path repositoryRoot() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)
          && Files.isRegularFile(dir.resolve("README.md"))
          && Files.readString(pom).contains("<artifactId>httptriage-parent</artifactId>")
          && Files.readString(pom).contains("<modules>")) {
        return dir;
      }
    }
    throw new AssertionError("no httptriage root above " + Path.of("").toAbsolutePath());
  }
}
