package dev.junction.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may fetch TURN credentials: anyone at a limited rate, or only bearers of a valid token. */
class IceServersAccessTest {

  private static final String SECRET = "an-hs256-secret-of-at-least-32-characters";
  private JunctionServer server;

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpResponse<String> get(String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.httpPort() + "/api/ice-servers"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String secret, Instant expiry) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
        new JWTClaimsSet.Builder().subject("app").expirationTime(Date.from(expiry)).build());
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  @Test
  void anyoneMayAskButOneAddressOnlySoOftenPerSecond() throws Exception {
    server = TestServers.start("ice.requestsPerSecondPerIp=3");
    int ok = 0;
    int limited = 0;
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> response = get(null);
      if (response.statusCode() == 200) {
        ok++;
      } else {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        limited++;
      }
    }
    assertThat(ok).isBetween(3, 6);
    assertThat(limited).isPositive();
  }

  @Test
  void inTokenModeOnlyAValidUnexpiredTokenSignedWithTheSecretGetsCredentials() throws Exception {
    server = TestServers.start("ice.access=token", "ice.tokenSecret=" + SECRET);
    assertThat(get(null).statusCode()).isEqualTo(401);
    assertThat(get(null).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(get("Bearer not-a-jwt").statusCode()).isEqualTo(401);
    assertThat(get("Bearer " + token("another-secret-that-is-32-characters-long", Instant.now().plusSeconds(60)))
        .statusCode()).isEqualTo(401);
    assertThat(get("Bearer " + token(SECRET, Instant.now().minusSeconds(1))).statusCode()).isEqualTo(401);
    HttpResponse<String> admitted = get("Bearer " + token(SECRET, Instant.now().plusSeconds(60)));
    assertThat(admitted.statusCode()).isEqualTo(200);
    assertThat(admitted.body()).contains("\"credential\"");
  }
}
