package io.httptriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** No chain of causes, however long, odd or cyclic, makes {@link FailureKind#of} throw or waver. */
class FailureKindProperties {
  private static final List<Function<String, Throwable>> LINKS =
      List.of(
          IOException::new,
          ConnectException::new,
          UnknownHostException::new,
          SocketException::new,
          SocketTimeoutException::new,
          EOFException::new,
          InterruptedIOException::new,
          SSLException::new,
          SSLHandshakeException::new,
          CertificateException::new,
          IllegalStateException::new);

  @Property(tries = 1_000)
  void anyChainGetsAKindAndCancellationAlwaysWins(
      @ForAll("chains") Throwable failure, @ForAll boolean cyclic) {
    if (cyclic) {
      Throwable last = failure;
      while (last.getCause() != null && last.getCause() != last) {
        last = last.getCause();
      }
      if (last != failure) {
        last.initCause(failure);
      }
    }

    assertThat(FailureKind.of(failure)).isNotNull();
    assertThat(FailureKind.of(failure, true)).isEqualTo(FailureKind.NEVER_RETRIED);
  }

  @Property(tries = 1_000)
  void futureWrappersNeverChangeTheKind(
      @ForAll("chains") Throwable failure, @ForAll @IntRange(min = 1, max = 5) int wrappers) {
    Throwable wrapped = failure;
    for (int i = 0; i < wrappers; i++) {
      wrapped = i % 2 == 0 ? new ExecutionException(wrapped) : new CompletionException(wrapped);
    }

    assertThat(FailureKind.of(wrapped)).isEqualTo(FailureKind.of(failure));
  }

  @Provide
  Arbitrary<Throwable> chains() {
    Arbitrary<Function<String, Throwable>> link = Arbitraries.of(LINKS);
    Arbitrary<String> message =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(40),
            Arbitraries.of("Connect timed out", "Canceled", "timeout", "Connection reset"));
    return link.list()
        .ofMinSize(1)
        .ofMaxSize(30)
        .flatMap(
            links ->
                message
                    .list()
                    .ofSize(links.size())
                    .map(
                        messages -> {
                          Throwable cause = null;
                          for (int i = links.size() - 1; i >= 0; i--) {
                            Throwable t = links.get(i).apply(messages.get(i));
                            if (cause != null) {
                              t.initCause(cause);
                            }
                            cause = t;
                          }
                          return cause;
                        }));
  }
}
