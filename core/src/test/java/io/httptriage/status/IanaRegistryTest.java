package io.httptriage.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the registry against a copy of the IANA HTTP Status Code Registry kept as a test resource,
 * so that a missing, misnamed or mis-cited code fails the build.
 */
class IanaRegistryTest {
  private static final Pattern RFC_SECTION = Pattern.compile("RFC(\\d+), Section ([\\d.]+)");
  private static final Pattern RFC_ONLY = Pattern.compile("^RFC(\\d+)");

  private static final List<String[]> ROWS = new ArrayList<>();

  @BeforeAll
  static void readIana() throws IOException {
    try (InputStream in = IanaRegistryTest.class.getResourceAsStream("iana-http-status-codes.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("code\t") || line.isBlank()) {
          continue;
        }
        ROWS.add(line.split("\t", -1));
      }
    }
    assertThat(ROWS).hasSizeGreaterThan(70);
  }

  @Test
  void everyAssignedIanaCodeIsRegisteredWithItsCurrentName() {
    for (String[] row : ROWS) {
      if (isUnassigned(row)) {
        continue;
      }
      int code = Integer.parseInt(row[0]);
      StatusCode sc = StatusRegistry.lookup(code);
      assertThat(sc.standing().isRegistered()).as("%s registered", code).isTrue();
      assertThat(sc.reason()).as("reason of %s", code).isEqualTo(ianaName(row[2]));
    }
  }

  @Test
  void everyStandingFollowsTheIanaStatus() {
    for (String[] row : ROWS) {
      if (isUnassigned(row)) {
        continue;
      }
      Standing expected =
          Standing.valueOf(
              row[4].equals("permanent") ? "STANDARD" : row[4].toUpperCase(Locale.ROOT));
      if (row[0].equals("102")) {
        // IANA still lists 102 as permanent, but RFC 4918 §21.4 dropped it: we call it deprecated.
        expected = Standing.DEPRECATED;
      }
      assertThat(StatusRegistry.lookup(Integer.parseInt(row[0])).standing())
          .as("standing of %s", row[0])
          .isEqualTo(expected);
    }
  }

  @Test
  void everySpecCitesTheIanaReference() {
    for (String[] row : ROWS) {
      if (isUnassigned(row)) {
        continue;
      }
      String spec = StatusRegistry.lookup(Integer.parseInt(row[0])).spec();
      Matcher withSection = RFC_SECTION.matcher(row[3]);
      Matcher rfcOnly = RFC_ONLY.matcher(row[3]);
      if (withSection.find()) {
        assertThat(spec)
            .as("spec of %s", row[0])
            .isEqualTo("RFC " + withSection.group(1) + " §" + withSection.group(2));
      } else if (rfcOnly.find()) {
        assertThat(spec).as("spec of %s", row[0]).startsWith("RFC " + rfcOnly.group(1));
      } else {
        assertThat(spec).as("spec of %s", row[0]).isEqualTo(row[3]);
      }
    }
  }

  @Test
  void noUnassignedCodeIsRegistered() {
    int unassigned = 0;
    for (String[] row : ROWS) {
      if (!isUnassigned(row)) {
        continue;
      }
      String[] bounds = row[0].split("-");
      int from = Integer.parseInt(bounds[0]);
      int to = Integer.parseInt(bounds[bounds.length - 1]);
      for (int code = from; code <= to; code++) {
        unassigned++;
        assertThat(StatusRegistry.lookup(code).standing().isRegistered()).as("%s", code).isFalse();
      }
    }
    assertThat(unassigned).isGreaterThan(400);
  }

  @Test
  void registeredCountEqualsIanaAssignedCount() {
    long iana = ROWS.stream().filter(r -> !isUnassigned(r)).count();
    long ours = StatusRegistry.all().stream().filter(sc -> sc.standing().isRegistered()).count();
    assertThat(ours).isEqualTo(iana);
  }

  private static boolean isUnassigned(String[] row) {
    return row[0].contains("-") || row[4].equals("unassigned");
  }

  /**
   * IANA appends status notes to some descriptions: "Not Extended (OBSOLETED)", "(TEMPORARY -
   * ...)".
   */
  private static String ianaName(String description) {
    if (description.startsWith("(")) {
      return description;
    }
    int paren = description.indexOf(" (");
    return paren < 0 ? description : description.substring(0, paren);
  }
}
