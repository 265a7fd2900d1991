package io.httptriage.okhttp;

/**
 * Transport failures on OkHttp with httptriage installed by {@code install}, sent by {@code
 * enqueue()}.
 */
class OkHttpInstallEnqueueTransportFailureTest extends OkHttpInstallTransportFailureTest {
  @Override
  boolean async() {
    return true;
  }
}
