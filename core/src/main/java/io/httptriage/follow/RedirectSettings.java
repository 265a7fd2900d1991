package io.httptriage.follow;

import io.httptriage.triage.TriageConfig;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How far and how safely redirects are followed: the hop limit, whether an https→http redirect may
 * be followed, and which credential header fields are dropped when a redirect leaves the origin.
 * {@link RedirectFollower} applies these settings; {@link RedirectAudit} judges a chain by the same
 * hop limit and credential fields.
 *
 * <ul>
 *   <li>{@code maxHops}, default 20 as in OkHttp and the WHATWG Fetch standard: RFC 9110 §15.4 asks
 *       a client to detect and stop cyclical redirections but sets no number.
 *   <li>{@code allowHttpsDowngrade}, default false: following https→http sends the next request,
 *       and whatever it carries, in clear (RFC 9110 §4.2.2).
 *   <li>{@code credentialHeaders}, default Authorization, Cookie and Proxy-Authorization: RFC 9110
 *       §15.4 asks a client to consider removing Authorization and Cookie when following a redirect
 *       has security implications, as it has when the origin changes (RFC 6454).
 * </ul>
 *
 * <p>Immutable and thread-safe. Builders validate at once and throw {@link
 * IllegalArgumentException} naming the parameter.
 *
 * <pre>{@code
 * RedirectSettings settings = RedirectSettings.ofDefaults().toBuilder()
 *     .maxHops(10)
 *     .credentialHeaders("Authorization", "Cookie", "Proxy-Authorization", "X-Api-Key")
 *     .build();
 * }</pre>
 */
public final class RedirectSettings {
  /** The default hop limit, as OkHttp's and the WHATWG Fetch standard's. */
  public static final int DEFAULT_MAX_HOPS = 20;

  private static final RedirectSettings DEFAULTS =
      new RedirectSettings(
          DEFAULT_MAX_HOPS,
          false,
          freeze(List.of("Authorization", "Cookie", "Proxy-Authorization")));

  private final int maxHops;
  private final boolean allowHttpsDowngrade;
  private final Set<String> credentialHeaders;

  private RedirectSettings(
      int maxHops, boolean allowHttpsDowngrade, Set<String> credentialHeaders) {
    this.maxHops = maxHops;
    this.allowHttpsDowngrade = allowHttpsDowngrade;
    this.credentialHeaders = credentialHeaders;
  }

  /**
   * {@return at most 20 hops, no https→http, Authorization, Cookie and Proxy-Authorization dropped}
   */
  public static RedirectSettings ofDefaults() {
    return DEFAULTS;
  }

  /**
   * {@return the redirect settings of a configuration, as its builder took them}
   *
   * @param config the configuration
   */
  public static RedirectSettings of(TriageConfig config) {
    return new RedirectSettings(
        config.maxHops(), config.allowHttpsDowngrade(), freeze(config.credentialHeaders()));
  }

  /** {@return a builder starting from the defaults} */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /** {@return a builder holding these settings} */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** {@return how many redirects one exchange may follow} */
  public int maxHops() {
    return maxHops;
  }

  /** {@return whether a redirect from https to http may be followed} */
  public boolean allowHttpsDowngrade() {
    return allowHttpsDowngrade;
  }

  /**
   * {@return the header fields that must not travel to another origin; matched case-insensitively}
   */
  public Set<String> credentialHeaders() {
    return credentialHeaders;
  }

  private static Set<String> freeze(Collection<String> names) {
    SortedSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(names);
    return Collections.unmodifiableSortedSet(set);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RedirectSettings)) {
      return false;
    }
    RedirectSettings s = (RedirectSettings) o;
    return maxHops == s.maxHops
        && allowHttpsDowngrade == s.allowHttpsDowngrade
        && credentialHeaders.equals(s.credentialHeaders);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxHops, allowHttpsDowngrade, credentialHeaders);
  }

  @Override
  public String toString() {
    return "RedirectSettings[maxHops="
        + maxHops
        + ", allowHttpsDowngrade="
        + allowHttpsDowngrade
        + ", credentialHeaders="
        + credentialHeaders
        + "]";
  }

  /**
   * Collects redirect settings.
   *
   * <p>Not thread-safe; {@link #build()} returns immutable settings.
   */
  public static final class Builder {
    private int maxHops;
    private boolean allowHttpsDowngrade;
    private Set<String> credentialHeaders;

    private Builder(RedirectSettings from) {
      this.maxHops = from.maxHops;
      this.allowHttpsDowngrade = from.allowHttpsDowngrade;
      this.credentialHeaders = from.credentialHeaders;
    }

    /**
     * How many redirects one exchange may follow; 0 follows none.
     *
     * @param value how many redirects one exchange may follow; 0 follows none
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxHops(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("maxHops: must be 0 or more, was " + value);
      }
      this.maxHops = value;
      return this;
    }

    /**
     * Whether a redirect from https to http may be followed; false unless told otherwise.
     *
     * @param value whether a redirect from https to http may be followed; false unless told
     *     otherwise
     * @return this builder
     */
    public Builder allowHttpsDowngrade(boolean value) {
      this.allowHttpsDowngrade = value;
      return this;
    }

    /**
     * The header fields dropped when a redirect leaves the origin, replacing the defaults.
     *
     * @param names the header fields dropped when a redirect leaves the origin, replacing the
     *     defaults
     * @return this builder
     * @throws IllegalArgumentException when a name is null or blank
     */
    public Builder credentialHeaders(String... names) {
      if (names == null) {
        throw new IllegalArgumentException("credentialHeaders: must not be null");
      }
      for (String n : names) {
        if (n == null || n.isBlank()) {
          throw new IllegalArgumentException("credentialHeaders: blank or null name");
        }
      }
      this.credentialHeaders = freeze(List.of(names));
      return this;
    }

    /** {@return the settings} */
    public RedirectSettings build() {
      return new RedirectSettings(maxHops, allowHttpsDowngrade, credentialHeaders);
    }
  }
}
