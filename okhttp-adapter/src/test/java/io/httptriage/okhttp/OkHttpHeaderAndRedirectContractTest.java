package io.httptriage.okhttp;

import io.httptriage.contract.AdapterContract.ClientUnderTest;
import io.httptriage.contract.HeaderAndRedirectContract;
import io.httptriage.contract.TestTls;
import io.httptriage.triage.TriageConfig;
import java.util.Map;
import okhttp3.OkHttpClient;

/** Issue 13's contract on OkHttp, sent with {@code Call.execute()}. */
class OkHttpHeaderAndRedirectContractTest extends HeaderAndRedirectContract {
  @Override
  protected ClientUnderTest newClient(TriageConfig config, TestTls tls) {
    return OkHttpClients.underTest(config, tls, false);
  }

  @Override
  protected ClientUnderTest newClientWithCookies(
      TriageConfig config, TestTls tls, Map<String, String> hostOnlyCookies) {
    OkHttpClient client =
        TriageInterceptor.install(new OkHttpClient.Builder(), config)
            .cookieJar(new PerHostCookieJar(hostOnlyCookies))
            .sslSocketFactory(tls.clientSockets(), tls.clientTrustManager())
            .build();
    return OkHttpClients.underTest(client, false);
  }
}
