package dev.junction.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.server.JunctionServer;
import dev.junction.server.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** CORS for the gateway API: off by default, per origin when configured (XProtect's CORS settings). */
class GatewayCorsTest {

  private static HttpResponse<String> preflight(JunctionServer server, String path, String origin) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "PATCH")
        .header("Access-Control-Request-Headers", "authorization,content-type")
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void byDefaultNoOtherOriginIsAllowed() throws Exception {
    try (JunctionServer server = TestServers.startWithGateway()) {
      HttpResponse<String> response = preflight(server, "/api/REST/v1/WebRTC/Session/x", "https://vms.example.com");
      assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @Test
  void aConfiguredOriginMayPatchSessionsAndGetTokensWithAuthorization() throws Exception {
    try (JunctionServer server = TestServers.startWithGateway(
        "gateway.cors.allowedOrigins=[\"https://vms.example.com\"]")) {
      for (String path : new String[] {"/api/REST/v1/WebRTC/Session/x", "/api/IDP/connect/token", "/IDP/connect/token"}) {
        HttpResponse<String> allowed = preflight(server, path, "https://vms.example.com");
        assertThat(allowed.statusCode()).as(path).isBetween(200, 204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://vms.example.com");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PATCH");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
            .contains("authorization");
      }
      HttpResponse<String> other = preflight(server, "/api/REST/v1/WebRTC/Session/x", "https://evil.example.org");
      assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }
}
