package dev.junction.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

  @Test
  void aHashVerifiesItsPasswordOnlyAndIsSaltedEachTime() {
    String hash = PasswordHashes.hash("correct horse");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(PasswordHashes.verify("correct horse", hash)).isTrue();
    assertThat(PasswordHashes.verify("correct horse!", hash)).isFalse();
    assertThat(PasswordHashes.hash("correct horse")).isNotEqualTo(hash);
    assertThat(PasswordHashes.isHash(hash)).isTrue();
  }

  @Test
  void verifiesAHashMadeByTheReferenceImplementation() {
    // Debian's argon2 CLI (the reference C code): echo -n password | argon2 somesaltsomesalt -id -m 10 -t 1 -p 1 -e
    String phc = "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$FiU+I6KbINfHoMBfkVDnS6qmzxgy7cg41IT8JQoCvvk";
    assertThat(PasswordHashes.isHash(phc)).isTrue();
    assertThat(PasswordHashes.verify("password", phc)).isTrue();
    assertThat(PasswordHashes.verify("Password", phc)).isFalse();
  }

  @Test
  void malformedHashesAndHostileParametersNeverVerifyNorThrow() {
    for (String bad : new String[] {"", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=x,t=2,p=1$c2FsdA$aGFzaA",
        "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=19456,t=2,p=1$!!$aGFzaA", "$argon2id$v=19$m=19456"}) {
      assertThat(PasswordHashes.verify("password", bad)).as(bad).isFalse();
    }
  }
}
