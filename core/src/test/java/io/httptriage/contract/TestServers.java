package io.httptriage.contract;

/**
 * Starts the test server implementation this test run uses: the class named by the system property
 * {@code httptriage.testServer}, or mockwebserver3 by default.
 */
public final class TestServers {
  /** The system property naming a {@link TestServer} class with a no-argument constructor. */
  public static final String PROPERTY = "httptriage.testServer";

  private TestServers() {}

  /** A started server on 127.0.0.1 with a random port. */
  public static TestServer start() {
    String name = System.getProperty(PROPERTY, MockWebServer3TestServer.class.getName());
    try {
      return (TestServer) Class.forName(name).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot start test server " + name, e);
    }
  }
}
