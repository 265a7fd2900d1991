package io.httptriage.listener;

import io.httptriage.finding.Finding;
import io.httptriage.finding.Finding.Kind;
import io.httptriage.finding.Finding.Severity;
import java.util.Optional;

/** Findings made up for listener tests. */
public final class Findings {
  private Findings() {}

  public static Finding at(String from, Kind kind, Severity severity) {
    return new Finding(
        kind,
        severity,
        0,
        Optional.of(from),
        Optional.empty(),
        "made up for a test",
        "RFC 9110 §15.4");
  }
}
