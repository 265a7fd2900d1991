package io.httptriage.classify;

import io.httptriage.policy.PolicyTable;
import org.jspecify.annotations.Nullable;

/**
 * Reads the resolved policies of a {@link PolicyTable}: what the classifier, the redirect audit and
 * the CLI look up per status code. The table keeps these lookups package-private, so that no type a
 * user sees names {@link StatusPolicy}; it hands them here once, when the {@code PolicyTable} class
 * is initialised (the JDK's "shared secrets" pattern). Users explain a decision with {@link
 * PolicyTable#explain(int, String)}.
 *
 * <p>Thread-safe; allocates nothing for codes 0..999.
 *
 * <pre>{@code
 * StatusPolicy p = PolicyLookup.policyFor(table, 500, "GET");
 * }</pre>
 */
public final class PolicyLookup {

  /** The table's lookups, as {@link PolicyTable} provides them. */
  public interface Access {
    /**
     * {@return the policy of a code for requests of any method no method-specific rule names}
     *
     * @param table the table
     * @param code any int
     */
    StatusPolicy policyFor(PolicyTable table, int code);

    /**
     * {@return the policy of a code for a request method}
     *
     * @param table the table
     * @param code any int
     * @param method the request method, case-sensitive
     */
    StatusPolicy policyFor(PolicyTable table, int code, String method);

    /**
     * {@return the default policy of a code, before any rule}
     *
     * @param code any int
     */
    StatusPolicy defaultPolicyFor(int code);

    /**
     * {@return true when a method-specific rule covers this code}
     *
     * @param table the table
     * @param code the status code
     */
    boolean dependsOnMethod(PolicyTable table, int code);
  }

  private static volatile @Nullable Access access;

  private PolicyLookup() {}

  /**
   * Called once, by {@link PolicyTable}'s static initialiser.
   *
   * @param value the table's lookups
   * @throws IllegalStateException when called a second time
   */
  public static void install(Access value) {
    if (access != null) {
      throw new IllegalStateException("PolicyLookup: already installed");
    }
    access = value;
  }

  private static Access access() {
    Access a = access;
    if (a == null) {
      PolicyTable.ofDefaults(); // initialises PolicyTable, which installs its lookups
      a = access;
      if (a == null) {
        throw new IllegalStateException("PolicyLookup: PolicyTable installed no lookups");
      }
    }
    return a;
  }

  /**
   * {@return the policy of a code for requests of any method not singled out by a method-specific
   * rule; never throws}
   *
   * @param table the table
   * @param code any int
   */
  public static StatusPolicy policyFor(PolicyTable table, int code) {
    return access().policyFor(table, code);
  }

  /**
   * {@return the policy of a code for a request method; never throws}
   *
   * @param table the table
   * @param code any int
   * @param method the request method, case-sensitive
   */
  public static StatusPolicy policyFor(PolicyTable table, int code, String method) {
    return access().policyFor(table, code, method);
  }

  /**
   * {@return the default policy of a code, before any override; never throws}
   *
   * @param code any int
   */
  public static StatusPolicy defaultPolicyFor(int code) {
    return access().defaultPolicyFor(code);
  }

  /**
   * {@return true when a method-specific rule covers this code, so that the policy for a method may
   * differ from the policy for any method}
   *
   * @param table the table
   * @param code the status code
   */
  public static boolean dependsOnMethod(PolicyTable table, int code) {
    return access().dependsOnMethod(table, code);
  }
}
