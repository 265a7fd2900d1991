package io.httptriage.jdk;

import io.httptriage.contract.CoolDownContract;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** JDK clients for the cool-down contract, sending with {@code send} or {@code sendAsync}. */
final class JdkCoolDownClients {
  private JdkCoolDownClients() {}

  static CoolDownContract.SharedClient of(TriageConfig config, boolean async) {
    TriageHttpClient client =
        TriageHttpClient.wrap(
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), config);
    return new CoolDownContract.SharedClient() {
      @Override
      public CoolDownContract.Got send(String method, URI uri) throws IOException {
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .method(
                    method,
                    method.equals("POST")
                        ? HttpRequest.BodyPublishers.ofString("")
                        : HttpRequest.BodyPublishers.noBody())
                .build();
        try {
          HttpResponse<String> response =
              async
                  ? client
                      .sendAsync(request, HttpResponse.BodyHandlers.ofString())
                      .get(20, TimeUnit.SECONDS)
                  : client.send(request, HttpResponse.BodyHandlers.ofString());
          return CoolDownContract.Got.served(response.statusCode());
        } catch (CoolDownException e) {
          return heldBack(e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof CoolDownException c) {
            return heldBack(c);
          }
          throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
          throw new InterruptedIOException(e.toString());
        }
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  private static CoolDownContract.Got heldBack(CoolDownException e) {
    return new CoolDownContract.Got(0, true, Optional.of(e.retryAfter()));
  }
}
