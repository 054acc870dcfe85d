package dev.junction.bench.turn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.stun.IntegrityKey;
import org.junit.jupiter.api.Test;

class RestCredentialTest {

  @Test
  void usernameIsExpiryColonUserAndPasswordTheBase64HmacSha1OfIt() {
    // echo -n "1700000000:bench" | openssl sha1 -binary -hmac "north-secret-0123456789" | base64
    RestCredential credential = RestCredential.mint("north-secret-0123456789", "bench", 1_700_000_000L);

    assertThat(credential.username()).isEqualTo("1700000000:bench");
    assertThat(credential.password()).isEqualTo("XvDNYjTKZKavOyGsCrUuYKEh5Pc=");
  }

  @Test
  void theKeyIsMd5OfUsernameRealmPassword() {
    // echo -n "1700000000:bench:north.gov:XvDNYjTKZKavOyGsCrUuYKEh5Pc=" | md5sum
    IntegrityKey key = RestCredential.mint("north-secret-0123456789", "bench", 1_700_000_000L).key("north.gov");

    assertThat(key.bytes().hex()).isEqualTo("b8e1b3108c47f970c661688734ed32ac");
  }
}
