package io.httptriage.cli;

import io.httptriage.triage.TriageConfig;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The HTTP clients httptriage has an adapter for, as {@code --client} names them. */
enum ClientChoice {
  OKHTTP("okhttp"),
  JDK("jdk");

  private final String label;

  ClientChoice(String label) {
    this.label = label;
  }

  /**
   * The client named by {@code --client}.
   *
   * @throws TypeConversionException for another name
   */
  static ClientChoice parse(String value) {
    for (ClientChoice c : values()) {
      if (c.label.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new TypeConversionException("--client must be okhttp or jdk, was '" + value + "'");
  }

  /** Reads {@code --client} for picocli. */
  static final class Converter implements ITypeConverter<ClientChoice> {
    @Override
    public ClientChoice convert(String value) {
      return parse(value);
    }
  }

  /** The name on the command line and in reports. */
  String label() {
    return label;
  }

  /** Whether this build contains the client's adapter. */
  boolean isAvailable() {
    return this == OKHTTP || JdkProbeClient.isAvailable();
  }

  /**
   * A client of this kind with httptriage installed by {@code config}.
   *
   * @throws CommandFailure when this build lacks the adapter
   */
  ProbeClient open(TriageConfig config) {
    return this == OKHTTP ? OkHttpProbeClient.open(config) : JdkProbeClient.open(config);
  }
}
