package dev.junction.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StatelessNoncesTest {

  private static final byte[] KEY = "sixteen-byte-key-and-more".getBytes(StandardCharsets.UTF_8);
  private static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.7", 40000);

  private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
  private final StatelessNonces nonces = new StatelessNonces(KEY, Duration.ofSeconds(600), now::get);

  @Test
  void aNonceIsValidForItsClientUntilItsLifetimeEndsThenStale() {
    String nonce = nonces.issue(CLIENT);
    assertThat(nonces.check(nonce, CLIENT)).isEqualTo(StatelessNonces.Check.VALID);
    now.addAndGet(600_000);
    assertThat(nonces.check(nonce, CLIENT)).isEqualTo(StatelessNonces.Check.VALID);
    now.addAndGet(1);
    assertThat(nonces.check(nonce, CLIENT)).isEqualTo(StatelessNonces.Check.STALE);
  }

  @Test
  void aNonceFromAnotherAddressOrPortIsInvalid() {
    String nonce = nonces.issue(CLIENT);
    assertThat(nonces.check(nonce, new InetSocketAddress("192.0.2.8", 40000))).isEqualTo(StatelessNonces.Check.INVALID);
    assertThat(nonces.check(nonce, new InetSocketAddress("192.0.2.7", 40001))).isEqualTo(StatelessNonces.Check.INVALID);
  }

  @Test
  void anotherKeyForgeriesAndGarbageAreInvalid() {
    String nonce = nonces.issue(CLIENT);
    StatelessNonces other = new StatelessNonces("another-sixteen-byte-key".getBytes(StandardCharsets.UTF_8),
        Duration.ofSeconds(600), now::get);
    assertThat(other.check(nonce, CLIENT)).isEqualTo(StatelessNonces.Check.INVALID);
    String tampered = nonce.substring(0, 15) + (nonce.charAt(15) == '0' ? '1' : '0') + nonce.substring(16);
    assertThat(nonces.check(tampered, CLIENT)).isEqualTo(StatelessNonces.Check.INVALID);
    assertThat(nonces.check("", CLIENT)).isEqualTo(StatelessNonces.Check.INVALID);
    assertThat(nonces.check("z".repeat(nonce.length()), CLIENT)).isEqualTo(StatelessNonces.Check.INVALID);
  }

  @Test
  void nodesSharingTheKeyAcceptEachOthersNonces() {
    StatelessNonces sibling = new StatelessNonces(KEY, Duration.ofSeconds(600), now::get);
    assertThat(sibling.check(nonces.issue(CLIENT), CLIENT)).isEqualTo(StatelessNonces.Check.VALID);
  }

  @Test
  void aNonceFromTheFutureIsStaleNotValid() {
    String nonce = nonces.issue(CLIENT);
    now.addAndGet(-1);
    assertThat(nonces.check(nonce, CLIENT)).isEqualTo(StatelessNonces.Check.STALE);
  }
}
