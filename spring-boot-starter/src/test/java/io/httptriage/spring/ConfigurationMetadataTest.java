package io.httptriage.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The metadata that spring-boot-configuration-processor writes lists every {@code httptriage.*} key
 * with a description, and the module README's property table names the same keys; the endpoint's
 * {@code management.endpoint.httptriage.*} keys are there too.
 */
class ConfigurationMetadataTest {
  private static final Pattern README_KEY = Pattern.compile("^\\| `(httptriage\\.[a-z.-]+)` \\|");

  @Test
  void metadataDescribesEveryKeyTheReadmeLists() throws IOException {
    String json;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> names = JsonPath.read(json, "$.properties[*].name");
    List<String> descriptions = JsonPath.read(json, "$.properties[*].description");
    List<String> readmeKeys =
        Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8).stream()
            .map(README_KEY::matcher)
            .filter(Matcher::find)
            .map(m -> m.group(1))
            .collect(Collectors.toList());

    assertThat(readmeKeys).hasSize(17);
    assertThat(names.stream().filter(n -> n.startsWith("httptriage.")))
        .containsExactlyInAnyOrderElementsOf(readmeKeys);
    // the endpoint's own keys, written by the processor from @Endpoint
    assertThat(names.stream().filter(n -> !n.startsWith("httptriage.")))
        .containsExactlyInAnyOrder(
            "management.endpoint.httptriage.access",
            "management.endpoint.httptriage.cache.time-to-live");
    assertThat(descriptions).hasSameSizeAs(names).allSatisfy(d -> assertThat(d).isNotBlank());
  }
}
