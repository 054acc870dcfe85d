package dev.junction.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IceCredentialsTest {

  @Test
  void randomCredentialsAreIceCharsOfTheRightLength() {
    Set<String> ufrags = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      IceCredentials c = IceCredentials.random();
      assertThat(c.ufrag()).hasSize(8).matches("[A-Za-z0-9+/]+");
      assertThat(c.pwd()).hasSize(24).matches("[A-Za-z0-9+/]+");
      ufrags.add(c.ufrag());
    }
    assertThat(ufrags).as("48 random bits: no repeats in 1000").hasSize(1000);
  }

  @Test
  void seededRandomIsRepeatable() {
    assertThat(IceCredentials.random(new Random(7))).isEqualTo(IceCredentials.random(new Random(7)));
  }

  @Test
  void validatesRfc8839Grammar() {
    assertThat(new IceCredentials("abcd", "abcdefghijklmnopqrstuv").ufrag()).isEqualTo("abcd");
    assertThatThrownBy(() -> new IceCredentials("abc", "abcdefghijklmnopqrstuv")).hasMessageContaining("4-256");
    assertThatThrownBy(() -> new IceCredentials("ab:c", "abcdefghijklmnopqrstuv")).hasMessageContaining("ice-chars");
    assertThatThrownBy(() -> new IceCredentials("abcd", "abcdefghijklmnopqrstu")).hasMessageContaining("22-256");
    assertThatThrownBy(() -> new IceCredentials("abcd", "abcdefghijklmnopqrstu=")).hasMessageContaining("ice-chars");
  }

  @Test
  void toStringHidesThePassword() {
    IceCredentials c = new IceCredentials("abcd", "secretsecretsecretsecret");
    assertThat(c.toString()).contains("abcd").doesNotContain("secret");
  }
}
