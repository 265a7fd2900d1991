package io.httptriage.jdk;

/** Transport failures through {@link TriageHttpClient}, with {@code sendAsync}. */
class JdkTriageAsyncTransportFailureTest extends JdkTriageTransportFailureTest {
  @Override
  boolean async() {
    return true;
  }
}
