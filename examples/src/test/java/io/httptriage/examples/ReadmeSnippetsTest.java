package io.httptriage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles every {@code java} block of the repository's README.md against this module's class path,
 * so that no snippet can drift from the API. A block is its imports followed by statements; it is
 * compiled with those imports and nothing else, inside a method that gives it a {@code String url}
 * and a Micrometer {@code MeterRegistry registry}, as the README says.
 */
class ReadmeSnippetsTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  /** One snippet as a compilation unit. */
  private static final class Snippet extends SimpleJavaFileObject {
    private final String source;

    Snippet(int index, String block) {
      super(URI.create("string:///readme/Snippet" + index + ".java"), Kind.SOURCE);
      StringBuilder imports = new StringBuilder();
      StringBuilder body = new StringBuilder();
      for (String line : block.split("\n", -1)) {
        (line.startsWith("import ") ? imports : body).append(line).append('\n');
      }
      this.source =
          "package readme;\n"
              + imports
              + "\nclass Snippet"
              + index
              + " {\n"
              + "  void run(String url, io.micrometer.core.instrument.MeterRegistry registry) throws Exception {\n"
              + body
              + "  }\n}\n";
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return source;
    }
  }

  static List<String> javaBlocks() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher m = JAVA_BLOCK.matcher(readme);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void everyJavaSnippetInTheReadmeCompilesWithItsOwnImports(@TempDir Path classes)
      throws IOException {
    List<String> blocks = javaBlocks();
    // the two quickstarts, the configuration, the service guide's logging and metrics
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(4);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (int i = 0; i < blocks.size(); i++) {
      Snippet snippet = new Snippet(i + 1, blocks.get(i));
      StringWriter errors = new StringWriter();
      List<String> options =
          List.of(
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              classes.toString(),
              "-proc:none",
              "-Xlint:none");
      boolean ok =
          javac.getTask(errors, null, null, options, null, List.<JavaFileObject>of(snippet)).call();
      assertThat(ok)
          .as("README java block %d does not compile:%n%s%n%s", i + 1, errors, blocks.get(i))
          .isTrue();
    }
  }

  @Test
  void everySnippetImportsWhatItUses() throws IOException {
    // the harness adds no import of its own, so a block that names a type must import it
    for (String block : javaBlocks()) {
      assertThat(block).as("a README java block without imports:%n%s", block).contains("import ");
    }
  }
}
