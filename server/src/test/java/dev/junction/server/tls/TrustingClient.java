package dev.junction.server.tls;

import java.net.http.HttpClient;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** JDK HTTP clients for TLS tests: default hostname checks, trusting only one certificate. */
final class TrustingClient {

  private TrustingClient() {}

  static HttpClient forCertificate(X509Certificate cert) throws Exception {
    return HttpClient.newBuilder().sslContext(sslContext(cert)).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A TLS context that trusts only {@code cert}. */
  static SSLContext sslContext(X509Certificate cert) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("junction-dev", cert);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return tls;
  }
}
