package dev.junction.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** coturn's use-auth-secret scheme, checked against openssl (as eturnal documents it). */
class RestCredentialsTest {

  private static final String SECRET = "correct-horse-battery-staple";
  private static final Instant EXPIRY = Instant.ofEpochSecond(1_700_000_000L);

  @Test
  void mintsExpiryColonUserAndTheBase64HmacSha1OfIt() {
    // printf '%s' 1700000000:alice | openssl sha1 -binary -hmac correct-horse-battery-staple | base64
    RestCredentials.Credential credential = new RestCredentials(List.of(SECRET)).mint("alice", EXPIRY);
    assertThat(credential.username()).isEqualTo("1700000000:alice");
    assertThat(credential.password()).isEqualTo("8EzXeBgyJydEnC3VqBQXMtf4tzE=");
  }

  @Test
  void verifiesUnexpiredUsernamesUnderEverySecret() {
    RestCredentials rotating = new RestCredentials(List.of("a-brand-new-secret-2026", SECRET));
    assertThat(rotating.passwordsFor("1700000000:alice", EXPIRY.minusSeconds(1)))
        .hasValueSatisfying(passwords -> assertThat(passwords).hasSize(2).contains("8EzXeBgyJydEnC3VqBQXMtf4tzE="));
  }

  @Test
  void refusesExpiredAndMalformedUsernames() {
    RestCredentials credentials = new RestCredentials(List.of(SECRET));
    assertThat(credentials.passwordsFor("1700000000:alice", EXPIRY)).isEmpty();
    assertThat(credentials.passwordsFor("alice", EXPIRY.minusSeconds(10))).isEmpty();
    assertThat(credentials.passwordsFor(":alice", EXPIRY.minusSeconds(10))).isEmpty();
    assertThat(credentials.passwordsFor("99999999999999:alice", EXPIRY)).isEmpty();
  }

  @Test
  void aUsernameWithoutAUserIdIsJustTheExpiry() {
    RestCredentials credentials = new RestCredentials(List.of(SECRET));
    assertThat(credentials.mint("", EXPIRY).username()).isEqualTo("1700000000");
    assertThat(credentials.passwordsFor("1700000000", EXPIRY.minusSeconds(1))).isPresent();
  }

  @Test
  void refusesWeakSecretsAndUserIdsWithTheSeparator() {
    assertThatThrownBy(() -> new RestCredentials(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> new RestCredentials(List.of("short"))).hasMessageContaining("at least 16");
    assertThatThrownBy(() -> new RestCredentials(List.of(SECRET)).mint("a:b", EXPIRY)).hasMessageContaining("':'");
  }
}
