package io.httptriage.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One exchange as the client saw it: the hops that led on to another request (redirects, and the
 * authentication or retry follow-ups some clients chain the same way), oldest first, then the final
 * hop whose response the caller received — plus whether the client was set to follow redirects.
 *
 * <p>Hop {@code i} of {@link #hops()} was answered by a response that led to the request of hop
 * {@code i + 1}, or of the {@link #finalHop()} for the last one. Findings about the final response
 * use hop index -1.
 *
 * <p>Adapters assemble it by walking their client's chain from the newest response back: OkHttp's
 * {@code priorResponse()}, the JDK's {@code previousResponse()}; {@link Builder#earlierHop(Hop)}
 * prepends for that walk. Policy-driven following appends with {@link Builder#hop(Hop)}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Exchange.Builder b = Exchange.builder().followsRedirects(true).finalHop(view(response));
 * for (Response r = response.priorResponse(); r != null; r = r.priorResponse()) {
 *   b.earlierHop(view(r));
 * }
 * Exchange exchange = b.build();
 * }</pre>
 */
public final class Exchange {
  private final List<Hop> hops;
  private final Hop finalHop;
  private final boolean followsRedirects;

  private Exchange(List<Hop> hops, Hop finalHop, boolean followsRedirects) {
    this.hops = List.copyOf(hops);
    this.finalHop = finalHop;
    this.followsRedirects = followsRedirects;
  }

  /**
   * {@return an exchange of earlier hops and a final one}
   *
   * @param hops the hops before the final one, oldest first; may be empty
   * @param finalHop the request whose response the caller received, and that response
   * @param followsRedirects whether the client was configured to follow redirects
   * @throws IllegalArgumentException when an argument or a hop is null
   */
  public static Exchange of(List<Hop> hops, Hop finalHop, boolean followsRedirects) {
    return builder().hops(hops).finalHop(finalHop).followsRedirects(followsRedirects).build();
  }

  /**
   * {@return an exchange of a single request and its response, from a client that follows
   * redirects}
   *
   * @param finalHop the request and the response the caller got
   */
  public static Exchange single(Hop finalHop) {
    return of(List.of(), finalHop, true);
  }

  /**
   * {@return an empty builder; the final hop is required, redirects are followed unless told
   * otherwise}
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this exchange's values} */
  public Builder toBuilder() {
    return new Builder().hops(hops).finalHop(finalHop).followsRedirects(followsRedirects);
  }

  /** {@return the hops before the final one, oldest first} */
  public List<Hop> hops() {
    return hops;
  }

  /** {@return the last request and the response the caller received} */
  public Hop finalHop() {
    return finalHop;
  }

  /** {@return whether the client was configured to follow redirects} */
  public boolean followsRedirects() {
    return followsRedirects;
  }

  /** {@return every hop, the final one last} */
  public List<Hop> allHops() {
    List<Hop> all = new ArrayList<>(hops.size() + 1);
    all.addAll(hops);
    all.add(finalHop);
    return List.copyOf(all);
  }

  /**
   * The hop at an index of {@link #hops()}, or the final hop for -1.
   *
   * @param index a position in {@link #hops()}, or -1 for the final hop
   * @return the hop, or empty when the index is out of range
   */
  public Optional<Hop> hop(int index) {
    if (index == -1) {
      return Optional.of(finalHop);
    }
    return index >= 0 && index < hops.size() ? Optional.of(hops.get(index)) : Optional.empty();
  }

  /** {@return the first request of the exchange, as the caller made it} */
  public Hop firstHop() {
    return hops.isEmpty() ? finalHop : hops.get(0);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Exchange)) {
      return false;
    }
    Exchange e = (Exchange) o;
    return followsRedirects == e.followsRedirects
        && hops.equals(e.hops)
        && finalHop.equals(e.finalHop);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hops, finalHop, followsRedirects);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Exchange[");
    for (Hop h : allHops()) {
      sb.append(h.method()).append(' ').append(h.status()).append(", ");
    }
    sb.setLength(sb.length() - 2);
    return sb.append(followsRedirects ? "]" : "; not following]").toString();
  }

  /**
   * Collects the hops of an exchange.
   *
   * <p>Not thread-safe; {@link #build()} returns an immutable exchange.
   */
  public static final class Builder {
    private final List<Hop> hops = new ArrayList<>();
    private Hop finalHop;
    private boolean followsRedirects = true;

    private Builder() {}

    /**
     * Appends a hop after those given so far (oldest first).
     *
     * @param hop the hop
     * @return this builder
     */
    public Builder hop(Hop hop) {
      hops.add(nonNull("hop", hop));
      return this;
    }

    /**
     * Puts a hop before those given so far, for walking a chain back from the newest response.
     *
     * @param hop the hop
     * @return this builder
     */
    public Builder earlierHop(Hop hop) {
      hops.add(0, nonNull("hop", hop));
      return this;
    }

    /**
     * Replaces the earlier hops, oldest first.
     *
     * @param value the hops, oldest first
     * @return this builder
     */
    public Builder hops(List<Hop> value) {
      nonNull("hops", value);
      hops.clear();
      for (Hop h : value) {
        hop(h);
      }
      return this;
    }

    /**
     * The last request and the response the caller received.
     *
     * @param value the last request and the response the caller received
     * @return this builder
     */
    public Builder finalHop(Hop value) {
      this.finalHop = nonNull("finalHop", value);
      return this;
    }

    /**
     * Whether the client was configured to follow redirects; true unless told otherwise.
     *
     * @param value whether the client was configured to follow redirects; true unless told
     *     otherwise
     * @return this builder
     */
    public Builder followsRedirects(boolean value) {
      this.followsRedirects = value;
      return this;
    }

    /**
     * {@return the exchange}
     *
     * @throws IllegalArgumentException when no final hop was given
     */
    public Exchange build() {
      if (finalHop == null) {
        throw new IllegalArgumentException("finalHop: not set");
      }
      return new Exchange(hops, finalHop, followsRedirects);
    }

    private static <T> T nonNull(String name, T value) {
      if (value == null) {
        throw new IllegalArgumentException(name + ": must not be null");
      }
      return value;
    }
  }
}
