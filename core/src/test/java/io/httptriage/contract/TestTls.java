package io.httptriage.contract;

import java.net.InetAddress;
import java.net.UnknownHostException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** A self-signed certificate for 127.0.0.1, and the client and server sides that trust it. */
public final class TestTls {
  private final HandshakeCertificates server;
  private final HandshakeCertificates client;

  private TestTls(HandshakeCertificates server, HandshakeCertificates client) {
    this.server = server;
    this.client = client;
  }

  /** A fresh certificate, valid for 127.0.0.1 and localhost. */
  public static TestTls create() {
    String localhost;
    try {
      localhost = InetAddress.getByName("127.0.0.1").getCanonicalHostName();
    } catch (UnknownHostException e) {
      localhost = "localhost";
    }
    HeldCertificate cert =
        new HeldCertificate.Builder()
            .addSubjectAlternativeName("127.0.0.1")
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName(localhost)
            .build();
    HandshakeCertificates server =
        new HandshakeCertificates.Builder().heldCertificate(cert).build();
    HandshakeCertificates client =
        new HandshakeCertificates.Builder().addTrustedCertificate(cert.certificate()).build();
    return new TestTls(server, client);
  }

  /** For the server. */
  public SSLSocketFactory serverSockets() {
    return server.sslSocketFactory();
  }

  /** For an OkHttp client. */
  public SSLSocketFactory clientSockets() {
    return client.sslSocketFactory();
  }

  /** For an OkHttp client. */
  public X509TrustManager clientTrustManager() {
    return client.trustManager();
  }

  /** For a JDK client. */
  public SSLContext clientContext() {
    return client.sslContext();
  }
}
