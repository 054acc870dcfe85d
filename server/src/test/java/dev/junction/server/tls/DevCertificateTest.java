package dev.junction.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The development certificate: what it says, how it is stored, and that HTTPS works with it. */
class DevCertificateTest {

  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  @TempDir Path dir;
  private Path certFile;
  private Path keyFile;

  @BeforeEach
  void writePair() throws Exception {
    certFile = dir.resolve("cert.pem");
    keyFile = dir.resolve("key.pem");
    DevCertificate.generate(MachineNames.discover(), Duration.ofDays(30), Instant.now())
        .writePem(certFile, keyFile);
  }

  @Test
  void namesThisMachineInItsSubjectAltNames() throws Exception {
    X509Certificate cert = readCertificate();

    List<List<?>> sans = List.copyOf(cert.getSubjectAlternativeNames());
    assertThat(sans).contains(List.of(SAN_DNS, "localhost"), List.of(SAN_IP, "127.0.0.1"));
    assertThat(sans)
        .filteredOn(san -> Objects.equals(san.get(0), SAN_IP))
        .extracting(san -> InetAddress.getByName((String) san.get(1)))
        .contains(InetAddress.getByName("::1"));
  }

  @Test
  void isAnEcdsaP256ServerCertificateValidForTheRequestedDays() throws Exception {
    X509Certificate cert = readCertificate();

    assertThat(cert.getVersion()).isEqualTo(3);
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(cert.getBasicConstraints()).as("not a CA").isEqualTo(-1);
    assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(Duration.between(Instant.now(), cert.getNotAfter().toInstant()))
        .isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));
    cert.checkValidity();
    cert.verify(cert.getPublicKey());
  }

  @Test
  void theKeyFileIsPkcs8AndMatchesTheCertificate() throws Exception {
    String pem = Files.readString(keyFile);
    assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
    PrivateKey key = readPrivateKey(pem);
    byte[] data = "junction".getBytes(StandardCharsets.UTF_8);

    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(data);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(readCertificate().getPublicKey());
    verifier.update(data);

    assertThat(verifier.verify(signature)).isTrue();
  }

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX permissions; Windows gets an owner-only ACL")
  void theKeyFileIsReadableByItsOwnerOnly() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
        .isEqualTo("rw-------");
  }

  @Test
  void vertxServesHttpsWithThePairToAClientThatTrustsTheCertificate() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServerOptions options =
          new HttpServerOptions()
              .setSsl(true)
              .setKeyCertOptions(
                  new PemKeyCertOptions().setCertPath(certFile.toString()).setKeyPath(keyFile.toString()));
      HttpServer server =
          vertx
              .createHttpServer(options)
              .requestHandler(request -> request.response().end("hello over https"))
              .listen(0, "127.0.0.1")
              .await(Duration.ofSeconds(10));

      HttpResponse<String> response =
          TrustingClient.forCertificate(readCertificate())
              .send(
                  HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.actualPort() + "/"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("hello over https");
    } finally {
      vertx.close().await(Duration.ofSeconds(10));
    }
  }

  private X509Certificate readCertificate() throws Exception {
    try (InputStream in = Files.newInputStream(certFile)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static PrivateKey readPrivateKey(String pem) throws Exception {
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
