package io.httptriage.jdk;

/** The oracle: what the JDK client does by itself, with {@code sendAsync}. */
class BareJdkAsyncTransportFailureTest extends BareJdkTransportFailureTest {
  @Override
  boolean async() {
    return true;
  }
}
