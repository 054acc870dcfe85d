package dev.junction.signaling.nativev1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.signaling.Handshake;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a handshake's token is found: the Authorization header, then a token subprotocol, then access_token. */
class HandshakeTokenTest {

  private static String token(Map<String, String> query, Map<String, List<String>> headers) {
    return NativeDialect.handshakeToken(new Handshake(null, query, headers));
  }

  @Test
  void theAuthorizationHeaderWinsThenTheSubprotocolThenTheQuery() {
    Map<String, List<String>> both = Map.of("authorization", List.of("bearer  h.h.h"),
        "sec-websocket-protocol", List.of("junction.v1+json, junction.token.s.s.s"));
    assertThat(token(Map.of("access_token", "q.q.q"), both)).isEqualTo("h.h.h");
    assertThat(token(Map.of("access_token", "q.q.q"), Map.of("sec-websocket-protocol",
        List.of("junction.v1+json", "junction.token.s.s.s")))).isEqualTo("s.s.s");
    assertThat(token(Map.of("access_token", "q.q.q"), Map.of())).isEqualTo("q.q.q");
  }

  @Test
  void otherSchemesAndEmptyTokensAreNoTokens() {
    assertThat(token(Map.of(), Map.of("authorization", List.of("Basic YWxpY2U6cHc="),
        "sec-websocket-protocol", List.of("junction.token.")))).isNull();
    assertThat(new Handshake(null, Map.of(), Map.of("authorization", List.of("x"))).header("Authorization"))
        .containsExactly("x");
  }
}
