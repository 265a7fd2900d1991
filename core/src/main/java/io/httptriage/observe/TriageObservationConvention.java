package io.httptriage.observe;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of httptriage: one per logical call ({@value
 * TriageObservationContext#CALL_NAME}) and, as its children, one per request sent for it ({@value
 * TriageObservationContext#ATTEMPT_NAME}). Implement it, or extend {@link
 * DefaultTriageObservationConvention}, and give it to {@code
 * TriageConfig.Builder.observationConvention} to change names or key values, as with Micrometer's
 * {@code ClientRequestObservationConvention}.
 *
 * <p>Every observation gets one {@link TriageObservationContext}; its {@link
 * TriageObservationContext#isCall()} tells a call from an attempt. A convention returning null or a
 * blank name from {@link #getName()} keeps the context's name, as the default does. Conventions
 * registered globally on the registry are not consulted: give yours to the configuration.
 *
 * <p>Implementations must be thread-safe.
 *
 * <pre>{@code
 * TriageConfig config = TriageConfig.builder()
 *     .observationRegistry(observationRegistry)
 *     .observationConvention(new DefaultTriageObservationConvention() {
 *       @Override
 *       public String getContextualName(TriageObservationContext context) {
 *         return "payments " + super.getContextualName(context);
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public interface TriageObservationConvention
    extends ObservationConvention<TriageObservationContext> {

  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof TriageObservationContext;
  }
}
