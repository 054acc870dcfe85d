package dev.junction.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secrets in query strings never reach the request log. */
class RedactionTest {

  @Test
  void aUriWithoutAQueryIsUnchanged() {
    assertThat(Redaction.redactUri("/ws/mdn")).isEqualTo("/ws/mdn");
  }

  @Test
  void tokenLikeParametersAreRedactedAndOthersKept() {
    assertThat(Redaction.redactUri("/peerjs?key=peerjs&id=abc&token=t0k3n&access_token=eyJ.x.y&room=a"))
        .isEqualTo("/peerjs?key=[redacted]&id=abc&token=[redacted]&access_token=[redacted]&room=a");
  }

  @Test
  void namesAreMatchedCaseInsensitivelyAndBySuffix() {
    assertThat(Redaction.redactUri("/x?Password=hunter2&client_secret=s&refreshToken=r&mode=full"))
        .isEqualTo("/x?Password=[redacted]&client_secret=[redacted]&refreshToken=[redacted]&mode=full");
  }

  @Test
  void parametersWithoutValuesAndEmptyPairsSurvive() {
    assertThat(Redaction.redactUri("/x?debug&&token=")).isEqualTo("/x?debug&&token=[redacted]");
  }
}
