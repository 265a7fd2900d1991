package io.httptriage.observe;

import io.httptriage.listener.TagValues;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The names and key values httptriage gives its observations unless told otherwise. OpenTelemetry's
 * HTTP names are used where one exists.
 *
 * <p>Low-cardinality key values, the same keys on a call and on an attempt (so that a meter handler
 * makes one consistent timer of each name):
 *
 * <table>
 *   <caption>Low-cardinality key values</caption>
 *   <tr><th>key</th><th>value</th></tr>
 *   <tr><td>{@code client}</td><td>the client's name</td></tr>
 *   <tr><td>{@code httptriage.kind}</td><td>{@code call} or {@code attempt}</td></tr>
 *   <tr><td>{@code http.request.method}</td><td>the method when it is one of RFC 9110's, PATCH or
 *       QUERY; {@code _OTHER} otherwise</td></tr>
 *   <tr><td>{@code http.response.status_code}</td><td>the code of a registered or vendor status,
 *       {@code unknown} or {@code invalid}; {@code none} without a response</td></tr>
 *   <tr><td>{@code httptriage.status_class}</td><td>{@code 1xx} .. {@code 5xx}, {@code invalid};
 *       {@code none} without a response</td></tr>
 *   <tr><td>{@code outcome}</td><td>Micrometer's HTTP outcome: {@code SUCCESS}, {@code
 *       REDIRECTION}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code INFORMATIONAL} or {@code
 *       UNKNOWN}</td></tr>
 *   <tr><td>{@code httptriage.verdict}</td><td>the verdict on the response (for a call, the final
 *       verdict: never RETRY or FOLLOW); {@code none} without a response</td></tr>
 *   <tr><td>{@code httptriage.refused_by}</td><td>the gate that refused a possible retry, or
 *       {@code none}</td></tr>
 *   <tr><td>{@code http.request.resend_count}</td><td>requests sent before this one in the call,
 *       retries and redirects alike; for a call, all resends</td></tr>
 *   <tr><td>{@code httptriage.hop}</td><td>the redirect hop of an attempt, 0 for the caller's
 *       request; for a call, the redirects followed</td></tr>
 *   <tr><td>{@code error.type}</td><td>the class name of the failure, else the status code of a
 *       4xx or 5xx answer, else {@code none}</td></tr>
 *   <tr><td>{@code httptriage.error}</td><td>the kind of a transport failure that
 *       ended the attempt or the call: {@code not_sent}, {@code sent_no_response}, {@code
 *       never_retried}; {@code none} otherwise</td></tr>
 * </table>
 *
 * <p>High-cardinality: {@code url.full}, the redacted URL (userinfo removed, query values {@code
 * *}).
 *
 * <p>The name is the context's ({@value TriageObservationContext#CALL_NAME} or {@value
 * TriageObservationContext#ATTEMPT_NAME}); the contextual name (a span's name) is {@code
 * "httptriage GET"} for a call and {@code "GET attempt 2"} or {@code "GET hop 1 attempt 1"} for an
 * attempt.
 *
 * <p>To change names or key values, give {@code TriageConfig.Builder.observationConvention} any
 * Micrometer {@code ObservationConvention<TriageObservationContext>}, as with Micrometer's {@code
 * ClientRequestObservationConvention}; extending this class keeps the rest. Conventions registered
 * globally on the registry are not consulted: give yours to the configuration. A convention
 * returning null or a blank name from {@link #getName()} keeps the context's name, as this one
 * does.
 *
 * <p>Immutable and thread-safe; subclasses must be thread-safe too.
 *
 * <pre>{@code
 * TriageConfig config = TriageConfig.builder()
 *     .observationRegistry(registry)
 *     .observationConvention(new DefaultTriageObservationConvention() {
 *       @Override
 *       public String getContextualName(TriageObservationContext context) {
 *         return "payments " + super.getContextualName(context);
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public class DefaultTriageObservationConvention
    implements ObservationConvention<TriageObservationContext> {
  private static final Set<String> METHODS =
      Set.of(
          "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "QUERY");
  private static final String NONE = "none";

  /** The convention; stateless. */
  public DefaultTriageObservationConvention() {}

  /** {@return true for httptriage's contexts} */
  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof TriageObservationContext;
  }

  /** Null: each observation keeps the name of its context, a call's or an attempt's. */
  @Override
  public @Nullable String getName() {
    return null;
  }

  @Override
  public String getContextualName(TriageObservationContext context) {
    String method = method(context.method());
    if (context.isCall()) {
      return "httptriage " + method;
    }
    return context.hop() == 0
        ? method + " attempt " + context.attempt()
        : method + " hop " + context.hop() + " attempt " + context.attempt();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(TriageObservationContext context) {
    int status = context.status();
    boolean answered = status != 0;
    return KeyValues.of(
        KeyValue.of("client", context.client()),
        KeyValue.of("httptriage.kind", context.isCall() ? "call" : "attempt"),
        KeyValue.of("http.request.method", method(context.method())),
        KeyValue.of("http.response.status_code", answered ? TagValues.code(status) : NONE),
        KeyValue.of("httptriage.status_class", answered ? TagValues.statusClass(status) : NONE),
        KeyValue.of(
            "outcome", answered ? Outcome.forStatus(status).name() : Outcome.UNKNOWN.name()),
        KeyValue.of("httptriage.verdict", context.verdict().orElse(NONE)),
        KeyValue.of("httptriage.refused_by", context.gate().orElse(NONE)),
        KeyValue.of("http.request.resend_count", Integer.toString(context.resendCount())),
        KeyValue.of("httptriage.hop", Integer.toString(context.hop())),
        KeyValue.of("error.type", errorType(context)),
        KeyValue.of("httptriage.error", context.failure().orElse(NONE)));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(TriageObservationContext context) {
    return context.target().map(t -> KeyValues.of("url.full", t)).orElse(KeyValues.empty());
  }

  /** A method OpenTelemetry knows, or {@code _OTHER}, so that the value set stays bounded. */
  static String method(String method) {
    return METHODS.contains(method) ? method : "_OTHER";
  }

  private static String errorType(TriageObservationContext context) {
    Throwable error = context.getError();
    if (error != null) {
      return error.getClass().getName();
    }
    int status = context.status();
    return status >= 400 && status <= 599 ? TagValues.code(status) : NONE;
  }
}
