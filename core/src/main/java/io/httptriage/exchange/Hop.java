package io.httptriage.exchange;

import io.httptriage.headers.Location;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One request of an exchange as it was sent — method, URI, the names of its header fields, whether
 * it carried a body — and the status and Location of the response it received.
 *
 * <p>A hop holds header <em>names</em>, never values, so an exchange can be kept, compared and
 * logged without holding credentials. Names compare case-insensitively (RFC 9110 §5.1). To tell
 * whose credential a request carried, it keeps keyed fingerprints of its Authorization,
 * Proxy-Authorization and Cookie values (one per cookie) and of the cookies its response set
 * (Set-Cookie); the key never leaves the JVM, so the prints say nothing to a reader of a log.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Hop hop = Hop.builder()
 *     .method("POST").uri(URI.create("https://api.example/orders"))
 *     .headerNames(List.of("Authorization", "Content-Type")).bodySent(true)
 *     .status(302).location("/orders/42")
 *     .build();
 * // or, from the views an adapter already has:
 * Hop same = Hop.of(requestView, responseView);
 * }</pre>
 *
 * @param method the request method, as sent
 * @param uri the absolute request URI
 * @param headerNames the names of the request's header fields
 * @param bodySent whether the request carried content
 * @param status the status code of the response
 * @param location the raw Location field of the response, if it had one; several differing field
 *     lines are joined by a line feed (see {@link Location#fieldValue})
 * @param sentCredentials fingerprints of the credentials the request carried, each prefixed by its
 *     lower-case field name ({@code "cookie:"}, {@code "authorization:"}); empty when unknown
 * @param setCookies fingerprints of the cookies the response set, prefixed {@code "cookie:"}
 * @param cacheAge present when the response came from a cache instead of the network (OkHttp:
 *     {@code cacheResponse() != null && networkResponse() == null}): the stored response's age when
 *     it was served (RFC 9111 §4.2.3); empty when the network answered
 */
public record Hop(
    String method,
    URI uri,
    Set<String> headerNames,
    boolean bodySent,
    int status,
    Optional<String> location,
    Set<String> sentCredentials,
    Set<String> setCookies,
    Optional<Duration> cacheAge) {

  /**
   * Validates the fields and freezes the header names and prints.
   *
   * @param method the request method, as sent
   * @param uri the absolute request URI
   * @param headerNames the names of the request's header fields
   * @param bodySent whether the request carried content
   * @param status the status code of the response
   * @param location the raw Location field of the response, if it had one
   * @param sentCredentials fingerprints of the credentials the request sent, never the values
   * @param setCookies fingerprints of the cookies the response set, never the values
   * @param cacheAge the stored response's age when a cache answered; empty when the network did
   */
  public Hop {
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("method: must not be blank");
    }
    if (uri == null) {
      throw new IllegalArgumentException("uri: must not be null");
    }
    headerNames = HopChecks.headerNames(headerNames);
    if (location == null) {
      throw new IllegalArgumentException("location: must not be null; use Optional.empty()");
    }
    if (sentCredentials == null || setCookies == null) {
      throw new IllegalArgumentException(
          (setCookies == null ? "setCookies" : "sentCredentials") + ": must not be null");
    }
    sentCredentials = Set.copyOf(sentCredentials);
    setCookies = Set.copyOf(setCookies);
    HopChecks.cacheAge(cacheAge);
  }

  /**
   * A hop without credential fingerprints, compared by header names alone.
   *
   * @param method the request method, as sent
   * @param uri the absolute request URI
   * @param headerNames the names of the request's header fields
   * @param bodySent whether the request carried content
   * @param status the status code of the response
   * @param location the raw Location field of the response, if it had one
   */
  public Hop(
      String method,
      URI uri,
      Set<String> headerNames,
      boolean bodySent,
      int status,
      Optional<String> location) {
    this(
        method, uri, headerNames, bodySent, status, location, Set.of(), Set.of(), Optional.empty());
  }

  /**
   * The fingerprints of the values this request sent in a field, when known. Empty when it sent
   * none, or when the hop was built from names alone.
   *
   * @param field the credential field, such as {@code Authorization} or {@code Cookie}
   * @return the fingerprints, never the values
   */
  public Set<String> sentCredentials(String field) {
    String prefix = CredentialPrints.prefix(field);
    Set<String> out = new TreeSet<>();
    for (String p : sentCredentials) {
      if (p.startsWith(prefix)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * {@return the hop of a request and the response it received}
   *
   * @param request the request as sent; its {@link RequestView#headerNames()} are kept
   * @param response the response to it; its status and Location are kept
   */
  public static Hop of(RequestView request, ResponseView response) {
    return builder().request(request).response(response).build();
  }

  /** {@return an empty builder; method, URI and status are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this hop's values} */
  public Builder toBuilder() {
    return new Builder()
        .method(method)
        .uri(uri)
        .headerNames(headerNames)
        .bodySent(bodySent)
        .status(status)
        .location(location)
        .credentialPrints(sentCredentials, setCookies)
        .cacheAge(cacheAge);
  }

  /** {@return true when a cache answered this request instead of the network} */
  public boolean servedFromCache() {
    return cacheAge.isPresent();
  }

  /**
   * {@return true when the request carried a field of this name, matched case-insensitively}
   *
   * @param name the field name
   */
  public boolean sentHeader(String name) {
    return headerNames.contains(name);
  }

  /**
   * {@return true when the response carried a Location, even an empty one: an empty reference is
   * the same-document reference and resolves to the request URI (RFC 3986 §5.4.1)}
   */
  public boolean hasLocation() {
    return location.isPresent();
  }

  /**
   * {@return the Location resolved against the request URI (RFC 9110 §10.2.2); empty when absent,
   * malformed or not http(s)}
   */
  public Optional<URI> resolvedLocation() {
    return hasLocation() ? Location.resolve(uri, location.get()) : Optional.empty();
  }

  /**
   * Collects the parts of a hop.
   *
   * <p>Not thread-safe; {@link #build()} returns an immutable hop.
   */
  public static final class Builder {
    private String method = "";
    private URI uri;
    private Set<String> headerNames = Set.of();
    private boolean bodySent;
    private int status;
    private boolean statusSet;
    private Optional<String> location = Optional.empty();
    private Set<String> sentCredentials = Set.of();
    private Set<String> setCookies = Set.of();
    private Optional<Duration> cacheAge = Optional.empty();

    private Builder() {}

    /**
     * Takes method, URI, header names and whether a body was sent from a request view.
     *
     * @param request the request view
     * @return this builder
     */
    public Builder request(RequestView request) {
      if (request == null) {
        throw new IllegalArgumentException("request: must not be null");
      }
      this.sentCredentials = CredentialPrints.ofRequest(request);
      return method(request.method())
          .uri(request.uri())
          .headerNames(request.headerNames())
          .bodySent(request.hasBody());
    }

    /**
     * Takes status, Location (every field line, see {@link Location#fieldValue}) and whether a
     * cache answered ({@link ResponseView#cacheAge()}) from a response view.
     *
     * @param response the response view
     * @return this builder
     */
    public Builder response(ResponseView response) {
      if (response == null) {
        throw new IllegalArgumentException("response: must not be null");
      }
      this.setCookies = CredentialPrints.ofSetCookies(response);
      return status(response.status())
          .location(Location.fieldValue(response.headers("Location")))
          .cacheAge(response.cacheAge());
    }

    /**
     * The credential fingerprints, as {@link Hop#sentCredentials()} and {@link Hop#setCookies()}.
     *
     * @param sent fingerprints of the credentials the request sent
     * @param set fingerprints of the cookies the response set
     * @return this builder
     */
    public Builder credentialPrints(Set<String> sent, Set<String> set) {
      if (sent == null || set == null) {
        throw new IllegalArgumentException((set == null ? "set" : "sent") + ": must not be null");
      }
      this.sentCredentials = sent;
      this.setCookies = set;
      return this;
    }

    /**
     * The request method, as sent.
     *
     * @param value the request method, as sent
     * @return this builder
     */
    public Builder method(String value) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("method: must not be blank, was '" + value + "'");
      }
      this.method = value;
      return this;
    }

    /**
     * The absolute request URI.
     *
     * @param value the absolute request URI
     * @return this builder
     */
    public Builder uri(URI value) {
      if (value == null) {
        throw new IllegalArgumentException("uri: must not be null");
      }
      this.uri = value;
      return this;
    }

    /**
     * The names of the request's header fields, replacing any given before.
     *
     * @param value the names of the request's header fields, replacing any given before
     * @return this builder
     */
    public Builder headerNames(Collection<String> value) {
      this.headerNames = HopChecks.headerNames(value);
      return this;
    }

    /**
     * Whether the request carried content.
     *
     * @param value whether the request carried content
     * @return this builder
     */
    public Builder bodySent(boolean value) {
      this.bodySent = value;
      return this;
    }

    /**
     * The status code of the response; any int, as received.
     *
     * @param value the status code of the response; any int, as received
     * @return this builder
     */
    public Builder status(int value) {
      this.status = value;
      this.statusSet = true;
      return this;
    }

    /**
     * The raw Location of the response.
     *
     * @param value the raw Location of the response
     * @return this builder
     */
    public Builder location(String value) {
      if (value == null) {
        throw new IllegalArgumentException("location: must not be null");
      }
      this.location = Optional.of(value);
      return this;
    }

    /**
     * The raw Location of the response, or empty when it had none.
     *
     * @param value the raw Location of the response, or empty when it had none
     * @return this builder
     */
    public Builder location(Optional<String> value) {
      if (value == null) {
        throw new IllegalArgumentException("location: must not be null; use Optional.empty()");
      }
      this.location = value;
      return this;
    }

    /**
     * Whether a cache answered instead of the network, and the stored response's age then.
     *
     * @param value the stored response's age (RFC 9111 §4.2.3), or empty when the network answered
     * @return this builder
     */
    public Builder cacheAge(Optional<Duration> value) {
      HopChecks.cacheAge(value);
      this.cacheAge = value;
      return this;
    }

    /**
     * {@return the hop}
     *
     * @throws IllegalArgumentException when method, URI or status was not given
     */
    public Hop build() {
      if (method.isEmpty()) {
        throw new IllegalArgumentException("method: not set");
      }
      if (uri == null) {
        throw new IllegalArgumentException("uri: not set");
      }
      if (!statusSet) {
        throw new IllegalArgumentException("status: not set");
      }
      return new Hop(
          method,
          uri,
          headerNames,
          bodySent,
          status,
          location,
          sentCredentials,
          setCookies,
          cacheAge);
    }
  }
}
