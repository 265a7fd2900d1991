package io.httptriage.spring;

import io.httptriage.triage.TriageConfig;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link HttpTriageEndpoint}, when Spring Boot's actuator is on the class path, the starter is
 * on, and the endpoint is available ({@code management.endpoints.web.exposure.include=httptriage},
 * not {@code management.endpoint.httptriage.access=none}). Backs off for an endpoint bean of the
 * application's own.
 *
 * <pre>{@code
 * management.endpoints.web.exposure.include=health,httptriage
 * }</pre>
 */
@AutoConfiguration(after = HttpTriageAutoConfiguration.class)
@ConditionalOnClass(
    name = {
      "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
      "org.springframework.boot.actuate.autoconfigure.endpoint.condition"
          + ".ConditionalOnAvailableEndpoint"
    })
@ConditionalOnBean({TriageConfig.class, RecentFindings.class, TriageRuntimes.class})
@ConditionalOnAvailableEndpoint(HttpTriageEndpoint.class)
public final class HttpTriageEndpointAutoConfiguration {

  HttpTriageEndpointAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  HttpTriageEndpoint httpTriageEndpoint(
      TriageConfig config, RecentFindings findings, TriageRuntimes runtimes) {
    return new HttpTriageEndpoint(config, findings, runtimes);
  }
}
