package io.httptriage.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which request bodies core may send again, and what else it reads of a JDK request. */
class JdkRequestViewTest {
  private static final URI TARGET = URI.create("http://127.0.0.1/orders");

  private static JdkRequestView post(BodyPublisher body) {
    return new JdkRequestView(HttpRequest.newBuilder(TARGET).POST(body).build());
  }

  @Test
  void publishersThatHoldTheirBytesAreReplayable() {
    assertThat(post(BodyPublishers.noBody()).bodyReplayable()).isTrue();
    assertThat(post(BodyPublishers.ofString("{}")).bodyReplayable()).isTrue();
    assertThat(post(BodyPublishers.ofString("{}", StandardCharsets.UTF_16)).bodyReplayable())
        .isTrue();
    assertThat(post(BodyPublishers.ofByteArray(new byte[] {1, 2})).bodyReplayable()).isTrue();
    assertThat(post(BodyPublishers.ofByteArray(new byte[] {1, 2, 3}, 1, 2)).bodyReplayable())
        .isTrue();
  }

  @Test
  void filePublisherIsReplayable(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("order.json"), "{}");

    assertThat(post(BodyPublishers.ofFile(file)).bodyReplayable()).isTrue();
  }

  @Test
  void publishersThatMayNotReplayAreTreatedAsOneShot() {
    assertThat(
            post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[1])))
                .bodyReplayable())
        .isFalse();
    assertThat(post(BodyPublishers.ofByteArrays(List.of(new byte[1]))).bodyReplayable()).isFalse();
    assertThat(
            post(BodyPublishers.concat(BodyPublishers.ofString("a"), BodyPublishers.ofString("b")))
                .bodyReplayable())
        .isFalse();
    try (SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>()) {
      assertThat(post(BodyPublishers.fromPublisher(publisher)).bodyReplayable()).isFalse();
    }
  }

  @Test
  void requestWithoutPublisherIsReplayableAndCarriesNoBody() {
    JdkRequestView get = new JdkRequestView(HttpRequest.newBuilder(TARGET).GET().build());

    assertThat(get.bodyReplayable()).isTrue();
    assertThat(get.hasBody()).isFalse();
  }

  @Test
  void emptyPublisherCarriesNoBodyButUnknownLengthDoes() {
    assertThat(post(BodyPublishers.noBody()).hasBody()).isFalse();
    assertThat(post(BodyPublishers.ofString("{}")).hasBody()).isTrue();
    assertThat(
            post(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[0])))
                .hasBody())
        .isTrue();
  }

  @Test
  void headerNamesAndValuesMatchCaseInsensitively() {
    JdkRequestView view =
        new JdkRequestView(
            HttpRequest.newBuilder(TARGET)
                .header("Authorization", "Bearer t")
                .header("Accept", "text/plain")
                .header("Accept", "application/json")
                .build());

    assertThat(view.headerNames().contains("authorization")).isTrue();
    assertThat(view.headerNames().contains("ACCEPT")).isTrue();
    assertThat(view.header("authorization")).contains("Bearer t");
    assertThat(view.headers("accept")).containsExactly("text/plain", "application/json");
  }
}
