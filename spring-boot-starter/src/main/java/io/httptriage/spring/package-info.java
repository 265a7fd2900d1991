/**
 * Spring Boot auto-configuration of httptriage: a {@link io.httptriage.triage.TriageConfig} from
 * {@code httptriage.*} properties, and {@code RestClient} on the JDK client through {@link
 * io.httptriage.jdk.TriageHttpClient}, and with Actuator the endpoint {@code /actuator/httptriage}
 * ({@link io.httptriage.spring.HttpTriageEndpoint}). Start from {@link
 * io.httptriage.spring.HttpTriageAutoConfiguration}.
 */
@NullMarked
package io.httptriage.spring;

import org.jspecify.annotations.NullMarked;
