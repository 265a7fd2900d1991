package io.httptriage.cli;

import io.httptriage.okhttp.TriageInterceptor;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** {@link ProbeClient} on OkHttp with {@link TriageInterceptor} installed. */
final class OkHttpProbeClient implements ProbeClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final OkHttpClient client;

  private OkHttpProbeClient(OkHttpClient client) {
    this.client = client;
  }

  static ProbeClient open(TriageConfig config) {
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder().connectTimeout(TIMEOUT).readTimeout(TIMEOUT);
    return new OkHttpProbeClient(TriageInterceptor.install(builder, config).build());
  }

  @Override
  public int send(ProbeRequest request) throws IOException {
    HttpUrl url = HttpUrl.parse(request.uri().toString());
    if (url == null) {
      throw new CommandFailure("malformed URL '" + request.uri() + "' for okhttp");
    }
    Request.Builder b = new Request.Builder().url(url);
    try {
      for (ProbeRequest.Header h : request.headers()) {
        b.addHeader(h.name(), h.value());
      }
      b.method(request.method(), body(request));
    } catch (IllegalArgumentException e) {
      throw new CommandFailure("okhttp cannot send this request: " + e.getMessage());
    }
    try (Response response = client.newCall(b.build()).execute()) {
      return response.code();
    }
  }

  private static RequestBody body(ProbeRequest request) {
    if (request.body().isPresent()) {
      // bytes, not a String: OkHttp would add "; charset=utf-8" to the caller's Content-Type
      MediaType type = request.header("Content-Type").map(MediaType::parse).orElse(null);
      return RequestBody.create(request.body().get().getBytes(StandardCharsets.UTF_8), type);
    }
    String m = request.method();
    boolean needsOne =
        m.equals("POST")
            || m.equals("PUT")
            || m.equals("PATCH")
            || m.equals("PROPPATCH")
            || m.equals("REPORT");
    return needsOne ? RequestBody.create(new byte[0], null) : null;
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
