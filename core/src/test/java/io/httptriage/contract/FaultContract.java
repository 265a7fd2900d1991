package io.httptriage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.httptriage.classify.Verdict;
import io.httptriage.finding.Finding;
import io.httptriage.retry.RetrySettings;
import io.httptriage.triage.RedirectMode;
import io.httptriage.triage.TriageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults no well-behaved server produces, the same for both adapters: each ends in a clear
 * exception or a verdict for the caller within seconds — never a hang, never a crash of
 * httptriage's own code.
 */
public abstract class FaultContract {
  private static final Duration NO_HANG = Duration.ofSeconds(15);

  /** A real client of this adapter with httptriage installed and this read timeout. */
  protected abstract AdapterContract.ClientUnderTest newClient(
      TriageConfig config, Duration readTimeout);

  protected RawServer server;
  protected final List<Verdict> verdicts = Collections.synchronizedList(new ArrayList<>());
  protected final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() {
    server = new RawServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private TriageConfig config(RedirectMode mode) {
    return TriageConfig.builder()
        .redirectMode(mode)
        .retry(RetrySettings.builder().sleeper(d -> {}).build())
        .listener(
            ExchangeTap.withDefaults(
                (exchange, verdict, found) -> {
                  verdicts.add(verdict);
                  findings.addAll(found);
                }))
        .build();
  }

  private AdapterContract.Answer get(RedirectMode mode, String path) throws IOException {
    try (AdapterContract.ClientUnderTest client = newClient(config(mode), Duration.ofSeconds(1))) {
      return client.send(
          new AdapterContract.Call("GET", server.url(path), List.of(), Optional.empty()));
    }
  }

  private static <T> T noHang(ThrowingSupplier<T> work) {
    return assertTimeoutPreemptively(NO_HANG, work);
  }

  /** The answer, or the IOException the caller got instead; anything else fails the test. */
  private static Object answerOrIoException(ThrowingSupplier<AdapterContract.Answer> work) {
    return assertTimeoutPreemptively(
        NO_HANG,
        () -> {
          try {
            return work.get();
          } catch (IOException e) {
            return e;
          } catch (Throwable t) {
            throw new AssertionError("expected an answer or an IOException, got " + t, t);
          }
        });
  }

  @Test
  void resetDuringHeadersEndsInAnIoException() {
    server.enqueue(
        (s, out) -> {
          out.write("HTTP/1.1 200 OK\r\nContent-Le".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          RawServer.reset(s);
        });

    assertThatThrownBy(() -> noHang(() -> get(RedirectMode.CLIENT, "/reset-headers")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void resetDuringBodyEndsInAnIoException() {
    server.enqueue(
        (s, out) -> {
          out.write(
              "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789"
                  .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          RawServer.reset(s);
        });

    assertThatThrownBy(() -> noHang(() -> get(RedirectMode.CLIENT, "/reset-body")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void truncatedChunkedBodyEndsInAnIoException() {
    server.enqueue("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");

    assertThatThrownBy(() -> noHang(() -> get(RedirectMode.CLIENT, "/truncated")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void headersThatNeverFinishTimeOut() {
    server.enqueue(
        (s, out) -> {
          out.write("HTTP/1.1 200 OK\r\nX-Slow: 1\r\n".getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          InputStream in = s.getInputStream();
          while (in.read() >= 0) {
            // hold the connection open until the client gives up
          }
        });

    assertThatThrownBy(() -> noHang(() -> get(RedirectMode.CLIENT, "/never")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void interimResponseBeforeTheFinalOneIsSkipped() throws IOException {
    server.enqueue(
        "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
            + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

    AdapterContract.Answer answer = noHang(() -> get(RedirectMode.CLIENT, "/hints"));

    assertThat(answer).isEqualTo(new AdapterContract.Answer(200, "ok"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"000", "099", "600", "999"})
  void invalidStatusEndsInAVerdictOrAClearException(String status) {
    server.enqueue("HTTP/1.1 " + status + " Odd\r\nContent-Length: 3\r\n\r\nodd");

    Object outcome = answerOrIoException(() -> get(RedirectMode.CLIENT, "/odd"));

    // Some clients refuse such a status line outright: a clear IOException is a fine end too.
    if (outcome instanceof AdapterContract.Answer) {
      assertThat(((AdapterContract.Answer) outcome).status()).isEqualTo(Integer.parseInt(status));
      assertThat(verdicts).singleElement().extracting(Verdict::kind).isEqualTo(Verdict.Kind.FAIL);
      assertThat(findings).extracting(Finding::kind).contains(Finding.Kind.INVALID_STATUS);
    } else {
      assertThat(outcome).isInstanceOf(IOException.class);
    }
  }

  @Test
  void redirectWithAHugeLocationIsFollowedOrRefusedCleanly() throws IOException {
    String path = "/" + "a".repeat(10_000);
    server.enqueue("HTTP/1.1 302 Found\r\nLocation: " + path + "\r\nContent-Length: 0\r\n\r\n");
    server.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nhere");

    Object outcome = answerOrIoException(() -> get(RedirectMode.POLICY, "/start"));

    // The raw server may close the connection while the 10 kB request line is still being written
    // (a broken pipe): a transport failure httptriage retries under its gates, the budget of a
    // client that has earned nothing yet among them, so a clear IOException is a fine end too.
    if (outcome instanceof AdapterContract.Answer) {
      assertThat(outcome).isEqualTo(new AdapterContract.Answer(200, "here"));
    } else {
      assertThat(outcome).isInstanceOf(IOException.class);
    }
    assertThat(findings).allSatisfy(f -> assertThat(f.toString().length()).isLessThan(20_000));
  }

  @Test
  void tenThousandResponseHeadersEndInAVerdictOrAClearException() {
    StringBuilder response = new StringBuilder("HTTP/1.1 200 OK\r\n");
    for (int i = 0; i < 10_000; i++) {
      response.append("X-H").append(i).append(": v\r\n");
    }
    server.enqueue(response.append("Content-Length: 2\r\n\r\nok").toString());

    Object outcome = answerOrIoException(() -> get(RedirectMode.CLIENT, "/many"));

    if (outcome instanceof AdapterContract.Answer) {
      assertThat(outcome).isEqualTo(new AdapterContract.Answer(200, "ok"));
    } else {
      assertThat(outcome).isInstanceOf(IOException.class);
    }
  }

  @Test
  void retryableResponseResetMidBodyEndsInTheRetriedAnswerOrAClearException() {
    server.enqueue(
        (s, out) -> {
          out.write(
              "HTTP/1.1 503 Busy\r\nRetry-After: 0\r\nContent-Length: 100\r\n\r\nxx"
                  .getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          RawServer.reset(s);
        });
    server.enqueue("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nafter");

    Object outcome = answerOrIoException(() -> get(RedirectMode.CLIENT, "/flaky"));

    // A client that hands over the response at the headers (OkHttp, the JDK's ofInputStream) lets
    // core discard the broken 503 and retry; one that reads the body first (the JDK's ofString)
    // fails the attempt itself, and transport errors are not retried.
    if (outcome instanceof AdapterContract.Answer) {
      assertThat(outcome).isEqualTo(new AdapterContract.Answer(200, "after"));
      assertThat(server.requestCount()).isEqualTo(2);
    } else {
      assertThat(outcome).isInstanceOf(IOException.class);
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }
}
