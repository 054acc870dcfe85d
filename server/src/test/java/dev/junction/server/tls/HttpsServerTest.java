package dev.junction.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import dev.junction.server.signaling.WsClient;
import dev.junction.stun.MessageType;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunMessage;
import dev.junction.stun.TransactionId;
import dev.junction.stun.XorMappedAddress;
import java.io.DataInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a certificate configured, the main port and the MDN listener speak only HTTPS and WSS —
 * what a phone on the LAN needs before its browser lets a page use the camera.
 */
class HttpsServerTest {

  @TempDir Path dir;

  @Test
  void turnOverTlsAnswersStunWithTheSameCertificate() throws Exception {
    DevCertificate certificate = DevCertificate.generate(MachineNames.discover(), Duration.ofDays(1), Instant.now());
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    certificate.writePem(cert, key);
    JunctionServer server = TestServers.start("http.tls.certFile=" + cert, "http.tls.keyFile=" + key);
    try (SSLSocket socket = (SSLSocket) TrustingClient.sslContext(certificate.certificate())
        .getSocketFactory().createSocket("localhost", server.turnTlsPort())) {
      socket.setSoTimeout(5_000);
      byte[] request = StunMessage.builder(MessageType.BINDING_REQUEST,
          TransactionId.random()).fingerprint().encode();
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      byte[] header = new byte[20];
      in.readFully(header);
      byte[] answer = Arrays.copyOf(header, 20 + (((header[2] & 0xff) << 8) | (header[3] & 0xff)));
      in.readFully(answer, 20, answer.length - 20);
      var decoded = StunDecoder.decode(answer).message();
      assertThat(decoded.type()).isEqualTo(MessageType.BINDING_SUCCESS);
      assertThat(decoded.first(XorMappedAddress.class)).isPresent();
    } finally {
      server.stop();
    }
  }

  @Test
  void theServerAnswersHttpsAndWssWithTheDevelopmentCertificate() throws Exception {
    DevCertificate certificate = DevCertificate.generate(MachineNames.discover(), Duration.ofDays(1), Instant.now());
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    certificate.writePem(cert, key);
    JunctionServer server = TestServers.start("http.tls.certFile=" + cert, "http.tls.keyFile=" + key);
    try {
      HttpClient client = TrustingClient.forCertificate(certificate.certificate());
      HttpResponse<String> health = client.send(
          HttpRequest.newBuilder(URI.create("https://localhost:" + server.httpPort() + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(server.urls()).allSatisfy(url -> assertThat(url).matches("(https|wss)://.*|(turn|turns):.*"));
      assertThat(server.urls()).anySatisfy(url -> assertThat(url).startsWith("turns:"));

      try (WsClient main = WsClient.connect(client, "wss://localhost:" + server.httpPort() + "/ws/mdn", "json");
          WsClient own = WsClient.connect(client, "wss://localhost:" + server.mdnPort() + "/", "json")) {
        assertThat(main.next("id").get("id").isNumber()).isTrue();
        assertThat(own.next("id").get("id").isNumber()).isTrue();
      }
    } finally {
      server.stop();
    }
  }
}
