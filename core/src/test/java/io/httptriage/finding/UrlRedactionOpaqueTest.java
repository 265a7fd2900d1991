package io.httptriage.finding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Regression: the hostile-input property found userinfo kept in a reference without authority. */
class UrlRedactionOpaqueTest {

  @Test
  void credentialsInAReferenceWithoutAuthorityAreRedacted() {
    assertThat(Finding.redactUrl("javascript:u:SECRET@a.example.test:/x"))
        .doesNotContain("SECRET")
        .isEqualTo("javascript:*@a.example.test:/x");
    assertThat(Finding.redactUrl("mailto:someone@example.test")).isEqualTo("mailto:*@example.test");
    assertThat(Finding.redactUrl("javascript:*@a.example.test:/x"))
        .isEqualTo("javascript:*@a.example.test:/x");
  }
}
