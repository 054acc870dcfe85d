package dev.junction.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

  private static final byte[] KEY = "a-token-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

  private TokenService at(Instant instant) {
    return new TokenService(KEY, Duration.ofHours(1), Duration.ofDays(1), Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void anAccessTokenNamesItsUserForAnHour() {
    TokenService.Issued issued = at(NOW).issue("alice", false);
    assertThat(issued.expiresInSeconds()).isEqualTo(3600);
    assertThat(issued.refreshToken()).isNull();
    assertThat(at(NOW.plusSeconds(3599)).verify(issued.accessToken(), TokenService.Use.ACCESS)).contains("alice");
    assertThat(at(NOW.plusSeconds(3600)).verify(issued.accessToken(), TokenService.Use.ACCESS)).isEmpty();
  }

  @Test
  void accessAndRefreshTokensCannotStandInForEachOther() {
    TokenService.Issued issued = at(NOW).issue("alice", true);
    assertThat(at(NOW).verify(issued.refreshToken(), TokenService.Use.REFRESH)).contains("alice");
    assertThat(at(NOW).verify(issued.refreshToken(), TokenService.Use.ACCESS)).isEmpty();
    assertThat(at(NOW).verify(issued.accessToken(), TokenService.Use.REFRESH)).isEmpty();
  }

  @Test
  void forgedTamperedAndGarbageTokensAreRefused() {
    String token = at(NOW).issue("alice", false).accessToken();
    TokenService otherKey = new TokenService("another-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8),
        Duration.ofHours(1), Duration.ofDays(1), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(otherKey.verify(token, TokenService.Use.ACCESS)).isEmpty();
    String[] parts = token.split("\\.");
    String tamperedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("alice", "admin").getBytes(StandardCharsets.UTF_8));
    assertThat(at(NOW).verify(parts[0] + "." + tamperedPayload + "." + parts[2], TokenService.Use.ACCESS)).isEmpty();
    assertThat(at(NOW).verify("not.a.jwt", TokenService.Use.ACCESS)).isEmpty();
    assertThat(at(NOW).verify("", TokenService.Use.ACCESS)).isEmpty();
    // alg "none" with the same claims
    String unsigned = "eyJhbGciOiJub25lIn0." + parts[1] + ".";
    assertThat(at(NOW).verify(unsigned, TokenService.Use.ACCESS)).isEmpty();
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> new TokenService(new byte[8], Duration.ofHours(1), Duration.ofDays(1), Clock.systemUTC()))
        .hasMessageContaining("at least 32 bytes");
  }
}
