package io.httptriage.reliability;

/**
 * Quick or long: {@code mvn -B verify} runs the quick version of each reliability suite, {@code mvn
 * -B verify -Psoak} the long one. The soak profile of the parent pom sets the system property
 * {@value #PROPERTY} to true in every module's tests (and raises jqwik's default tries).
 */
public final class Soak {
  /** The system property that selects the long runs. */
  public static final String PROPERTY = "httptriage.soak";

  private Soak() {}

  /** Whether this is a soak run. */
  public static boolean enabled() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** {@code quick} in a normal build, {@code soak} in a soak run. */
  public static int pick(int quick, int soak) {
    return enabled() ? soak : quick;
  }
}
