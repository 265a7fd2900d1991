package io.httptriage.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The answer JDK callers get for a call held back by its origin's cool-down. */
class JdkHeldBackTest {
  @Test
  void isACoolDownExceptionNamingTheOriginWithoutItsCredentials() {
    URI uri = URI.create("https://user:secret@api.example.test:8443/items?token=s3cret");
    HttpRequest request = HttpRequest.newBuilder(uri).build();

    CoolDownException e =
        catchThrowableOfType(
            CoolDownException.class,
            () -> new JdkCall<String>(false).heldBack(request, Duration.ofMillis(4_001)));

    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(4_001));
    assertThat(e.uri()).isEqualTo(uri);
    assertThat(e.getMessage())
        .contains("https://api.example.test:8443")
        .contains("4001 ms")
        .doesNotContain("secret")
        .doesNotContain("items");
  }
}
