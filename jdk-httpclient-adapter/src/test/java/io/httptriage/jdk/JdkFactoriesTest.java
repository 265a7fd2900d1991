package io.httptriage.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.net.Authenticator;
import java.net.CookieManager;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Redirect;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** How TriageHttpClient is made, and that what it reports is the delegate's. */
class JdkFactoriesTest {
  private static final TriageConfig POLICY =
      TriageConfig.builder().redirectMode(RedirectMode.POLICY).build();

  @Test
  void wrapRefusesADelegateThatFollowsRedirectsInPolicyMode() {
    HttpClient following = HttpClient.newBuilder().followRedirects(Redirect.NORMAL).build();

    assertThatThrownBy(() -> TriageHttpClient.wrap(following, POLICY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("delegate:")
        .hasMessageContaining("NORMAL");
  }

  @Test
  void wrapAcceptsANonFollowingDelegateInPolicyMode() {
    HttpClient never = HttpClient.newBuilder().followRedirects(Redirect.NEVER).build();

    assertThat(TriageHttpClient.wrap(never, POLICY).followRedirects()).isEqualTo(Redirect.NEVER);
  }

  @Test
  void buildTurnsTheClientsOwnFollowingOffInPolicyMode() {
    HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(Redirect.ALWAYS);

    assertThat(TriageHttpClient.build(builder, POLICY).followRedirects()).isEqualTo(Redirect.NEVER);
  }

  @Test
  void buildKeepsTheClientsFollowingInClientMode() {
    HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(Redirect.NORMAL);

    assertThat(TriageHttpClient.build(builder, TriageConfig.ofDefaults()).followRedirects())
        .isEqualTo(Redirect.NORMAL);
  }

  @Test
  void wrapWithoutConfigUsesTheDefaults() {
    assertThat(TriageHttpClient.wrap(HttpClient.newHttpClient()).triage().config())
        .isSameAs(TriageConfig.ofDefaults());
  }

  @Test
  void nullArgumentsAreRefusedByName() {
    HttpClient client = HttpClient.newHttpClient();

    assertThatThrownBy(() -> TriageHttpClient.wrap(null)).hasMessageStartingWith("delegate:");
    assertThatThrownBy(() -> TriageHttpClient.wrap(client, null)).hasMessageStartingWith("config:");
    assertThatThrownBy(() -> TriageHttpClient.build(null, POLICY))
        .hasMessageStartingWith("builder:");
    assertThatThrownBy(() -> TriageHttpClient.build(HttpClient.newBuilder(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("config:");
  }

  @Test
  void wrappingTwiceIsRefused() {
    TriageHttpClient once = TriageHttpClient.wrap(HttpClient.newHttpClient());

    assertThatThrownBy(() -> TriageHttpClient.wrap(once))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("delegate:");
  }

  @Test
  void gettersAreTheDelegates() {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      CookieManager cookies = new CookieManager();
      Authenticator authenticator = new Authenticator() {};
      ProxySelector proxy = ProxySelector.of(null);
      HttpClient delegate =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(7))
              .version(HttpClient.Version.HTTP_1_1)
              .cookieHandler(cookies)
              .authenticator(authenticator)
              .proxy(proxy)
              .executor(executor)
              .build();

      TriageHttpClient client = TriageHttpClient.wrap(delegate);

      assertThat(client.connectTimeout()).contains(Duration.ofSeconds(7));
      assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(client.cookieHandler()).containsSame(cookies);
      assertThat(client.authenticator()).containsSame(authenticator);
      assertThat(client.proxy()).containsSame(proxy);
      assertThat(client.executor()).containsSame(executor);
      assertThat(client.sslContext()).isSameAs(delegate.sslContext());
      assertThat(client.sslParameters().getProtocols())
          .containsExactly(delegate.sslParameters().getProtocols());
      assertThat(client.followRedirects()).isEqualTo(delegate.followRedirects());
    } finally {
      executor.shutdownNow();
    }
  }
}
