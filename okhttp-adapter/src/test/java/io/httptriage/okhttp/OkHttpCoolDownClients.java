package io.httptriage.okhttp;

import io.httptriage.contract.CoolDownContract;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Call;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** OkHttp clients for the cool-down contract: 64 calls per host at once, execute or enqueue. */
final class OkHttpCoolDownClients {
  private OkHttpCoolDownClients() {}

  static CoolDownContract.SharedClient of(TriageConfig config, boolean async) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64);
    OkHttpClient client =
        TriageInterceptor.install(new OkHttpClient.Builder(), config)
            .dispatcher(dispatcher)
            .build();
    return new CoolDownContract.SharedClient() {
      @Override
      public CoolDownContract.Got send(String method, java.net.URI uri) throws IOException {
        Request request =
            new Request.Builder()
                .url(uri.toString())
                .method(method, method.equals("POST") ? RequestBody.create("", null) : null)
                .build();
        Call call = client.newCall(request);
        return got(async ? OkHttpClients.enqueue(call) : call.execute());
      }

      @Override
      public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
      }
    };
  }

  /** A marked 429 made without the network is told apart by its header and its missing network. */
  static CoolDownContract.Got got(Response response) throws IOException {
    try (Response r = response) {
      r.body().string();
      String mark = r.header(TriageInterceptor.COOL_DOWN_HEADER);
      if (mark != null && r.networkResponse() == null) {
        return new CoolDownContract.Got(
            r.code(), true, Optional.of(Duration.ofMillis(Long.parseLong(mark))));
      }
      return CoolDownContract.Got.served(r.code());
    }
  }
}
