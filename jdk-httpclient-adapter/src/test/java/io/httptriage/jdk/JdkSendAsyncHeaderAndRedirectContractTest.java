package io.httptriage.jdk;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.HeaderAndRedirectContract;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.util.Map;

/** Issue 13's contract on the JDK client, sent with {@code sendAsync}. */
class JdkSendAsyncHeaderAndRedirectContractTest extends HeaderAndRedirectContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return JdkClients.underTest(config, tls, JdkClients.Sending.SEND_ASYNC);
  }

  @Override
  protected ClientUnderTest newClientWithCookies(
      TriageConfig config, TestTls tls, Map<String, String> hostOnlyCookies) {
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    hostOnlyCookies.forEach(
        (host, pair) -> {
          String[] nv = pair.split("=", 2);
          HttpCookie cookie = new HttpCookie(nv[0], nv[1]);
          cookie.setPath("/");
          cookie.setVersion(0);
          cookies.getCookieStore().add(URI.create("http://" + host + "/"), cookie);
        });
    TriageHttpClient client =
        TriageHttpClient.build(JdkClients.builder(tls).cookieHandler(cookies), config);
    return JdkClients.underTest(
        client, JdkClients.Sending.SEND_ASYNC, java.time.Duration.ofSeconds(10));
  }
}
