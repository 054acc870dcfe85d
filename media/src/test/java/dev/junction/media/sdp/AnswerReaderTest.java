package dev.junction.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading real answers against the offers they answered; every mismatch is a real answer with one
 * line changed, so each test breaks exactly one rule.
 */
class AnswerReaderTest {

  private static final SessionDescription OFFER = Fixtures.parse(Fixtures.GATEWAY_OFFER_RTX);

  @Test
  void chromiumAnswer() throws Exception {
    VideoAnswer answer = AnswerReader.read(OFFER, Fixtures.parse(Fixtures.CHROMIUM_ANSWER_RTX));

    assertThat(answer.mid()).isEqualTo("0");
    assertThat(answer.iceUfrag()).isEqualTo("VDsU");
    assertThat(answer.icePwd()).isEqualTo("ZrVk703x9nx9WvFjav3nHCE1");
    assertThat(answer.fingerprints()).singleElement().extracting(Fingerprint::hashFunction).isEqualTo("sha-256");
    assertThat(answer.setup()).isEqualTo(Setup.ACTIVE);
    assertThat(answer.direction()).isEqualTo(Direction.RECVONLY);
    assertThat(answer.h264()).singleElement().satisfies(f -> {
      assertThat(f.payloadType()).isEqualTo(96);
      assertThat(f.profileLevelId().text()).isEqualTo("42e01f");
      assertThat(f.rtxPayloadType()).hasValue(97);
      assertThat(f.hasFeedback("nack")).isTrue();
      assertThat(f.hasFeedback("nack", "pli")).isTrue();
      assertThat(f.hasFeedback("ccm", "fir")).isTrue();
      assertThat(f.hasFeedback("goog-remb")).isTrue();
      assertThat(f.hasFeedback("transport-cc")).isFalse();
    });
    assertThat(answer.candidates()).isEmpty();
    assertThat(answer.endOfCandidates()).isFalse();
    assertThat(answer.toString()).doesNotContain("ZrVk703x9nx9WvFjav3nHCE1");
  }

  @Test
  void gatheredChromiumAnswerGivesItsCandidates() throws Exception {
    VideoAnswer answer = AnswerReader.read(OFFER, Fixtures.parse(Fixtures.CHROMIUM_ANSWER_RTX_GATHERED));

    assertThat(answer.candidates()).extracting(Candidate::address).containsExactly("192.0.2.2", "fd00::2");
  }

  @Test
  void libwebrtcAnswer() throws Exception {
    VideoAnswer answer = AnswerReader.read(OFFER, Fixtures.parse(Fixtures.LIBWEBRTC_ANSWER_RTX_GATHERED));

    assertThat(answer.setup()).isEqualTo(Setup.ACTIVE);
    assertThat(answer.preferredH264().payloadType()).isEqualTo(96);
    assertThat(answer.preferredH264().rtxPayloadType()).hasValue(97);
    assertThat(answer.candidates()).hasSize(4);
  }

  @Test
  void answersFromTheLiveSessions() throws Exception {
    VideoAnswer chromium = AnswerReader.read(Fixtures.parse(Fixtures.GATEWAY_OFFER_LOOPBACK),
        Fixtures.parse(Fixtures.CHROMIUM_ANSWER_LOOPBACK));
    VideoAnswer libwebrtc = AnswerReader.read(Fixtures.parse(Fixtures.GATEWAY_OFFER_LOOPBACK_LIBWEBRTC),
        Fixtures.parse(Fixtures.LIBWEBRTC_ANSWER_LOOPBACK));

    assertThat(chromium.iceUfrag()).isEqualTo("/aZg");
    assertThat(libwebrtc.iceUfrag()).isEqualTo("oPht");
    assertThat(List.of(chromium, libwebrtc)).allSatisfy(a -> {
      assertThat(a.setup()).isEqualTo(Setup.ACTIVE);
      assertThat(a.preferredH264().payloadType()).isEqualTo(96);
      assertThat(a.preferredH264().rtxPayloadType()).hasValue(97);
    });
  }

  @Test
  void answerWithoutRtx() throws Exception {
    VideoAnswer answer = AnswerReader.read(Fixtures.parse(Fixtures.GATEWAY_OFFER), Fixtures.parse(Fixtures.CHROMIUM_ANSWER));

    assertThat(answer.preferredH264().rtxPayloadType()).isEmpty();
  }

  @Test
  void chromiumRejectsConstrainedHigh() {
    assertThatThrownBy(() -> AnswerReader.read(Fixtures.parse(Fixtures.GATEWAY_OFFER_HIGH),
        Fixtures.parse(Fixtures.CHROMIUM_ANSWER_HIGH_REJECTED)))
        .isInstanceOf(AnswerMismatchException.class)
        .hasMessage("the answer rejected m-line 0 (video) with port 0 (RFC 3264 §6)");
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "a=setup:active | a=setup:passive | a=setup:passive would not make the browser the DTLS client",
      "a=setup:active | a=setup:actpass | a=setup:actpass would not make the browser the DTLS client",
      "a=setup:active\\r\\n | '' | no a=setup; RFC 5763 §5 requires active or passive",
      "a=recvonly | a=inactive | video direction is inactive",
      "a=recvonly | a=sendonly | RFC 3264 §6.1",
      "a=rtpmap:96 H264/90000 | a=rtpmap:96 VP8/90000 | accepts no H.264 format of the offer",
      "packetization-mode=1 | packetization-mode=0 | packetization-mode=1",
      "profile-level-id=42e01f | profile-level-id=42001f | accepts no H.264 format",
      "a=mid:0 | a=mid:1 | has a=mid:1, the offer a=mid:0",
      "a=mid:0\\r\\n | '' | has no a=mid",
      "a=rtcp-mux\\r\\n | '' | lacks a=rtcp-mux",
      "a=ice-ufrag:VDsU\\r\\n | '' | no a=ice-ufrag (RFC 8839 §5.4",
      "a=ice-pwd:ZrVk703x9nx9WvFjav3nHCE1\\r\\n | '' | no a=ice-pwd",
      "a=msid-semantic: WMS | a=ice-lite | ICE-lite too",
      "m=video 9 UDP/TLS/RTP/SAVPF 96 97 | m=audio 9 UDP/TLS/RTP/SAVPF 96 97 | is 'audio' in the answer, 'video' in the offer",
      "m=video 9 UDP/TLS/RTP/SAVPF 96 97 | m=video 9 RTP/AVPF 96 97 | protocol RTP/AVPF",
      "m=video 9 UDP/TLS/RTP/SAVPF 96 97 | m=video 9 UDP/TLS/RTP/SAVPF 97 | accepts no H.264 format",
  })
  void mismatchesNameTheRule(String from, String to, String message) throws Exception {
    SessionDescription broken = Fixtures.parseWith(Fixtures.CHROMIUM_ANSWER_RTX, from.replace("\\r\\n", "\r\n"), to);

    assertThatThrownBy(() -> AnswerReader.read(OFFER, broken))
        .isInstanceOf(AnswerMismatchException.class)
        .hasMessageContaining(message);
  }

  @Test
  void noFingerprintAnywhere() throws Exception {
    String text = Fixtures.text(Fixtures.CHROMIUM_ANSWER_RTX).replaceAll("a=fingerprint:[^\r]*\r\n", "");
    SessionDescription broken = SessionDescription.parse(text);

    assertThatThrownBy(() -> AnswerReader.read(OFFER, broken)).hasMessageContaining("no a=fingerprint (RFC 5763 §5");
  }

  @Test
  void extraMediaSectionIsAMismatch() throws Exception {
    String text = Fixtures.text(Fixtures.CHROMIUM_ANSWER_RTX) + "m=audio 0 UDP/TLS/RTP/SAVPF 0\r\na=mid:1\r\n";

    assertThatThrownBy(() -> AnswerReader.read(OFFER, SessionDescription.parse(text)))
        .hasMessageContaining("the answer has 2 m-lines, the offer 1 (RFC 3264 §6");
  }

  @Test
  void sessionLevelCredentialsAndFingerprintCount() throws Exception {
    // Firefox and older stacks may write ICE and DTLS attributes at the session level.
    String text = Fixtures.text(Fixtures.CHROMIUM_ANSWER_RTX);
    String ice = "a=ice-ufrag:VDsU\r\na=ice-pwd:ZrVk703x9nx9WvFjav3nHCE1\r\n";
    String fp = text.substring(text.indexOf("a=fingerprint:"), text.indexOf("a=setup:"));
    text = text.replace(ice, "").replace(fp, "").replace("a=setup:active\r\n", "")
        .replace("a=msid-semantic: WMS\r\n", "a=msid-semantic: WMS\r\n" + ice + fp + "a=setup:active\r\n");

    VideoAnswer answer = AnswerReader.read(OFFER, SessionDescription.parse(text));

    assertThat(answer.iceUfrag()).isEqualTo("VDsU");
    assertThat(answer.fingerprints()).hasSize(1);
    assertThat(answer.setup()).isEqualTo(Setup.ACTIVE);
  }

  @Test
  void answerLevelDiffersButProfileMatches() throws Exception {
    SessionDescription answer = Fixtures.parseWith(Fixtures.CHROMIUM_ANSWER_RTX, "profile-level-id=42e01f",
        "profile-level-id=42e034");

    assertThat(AnswerReader.read(OFFER, answer).preferredH264().profileLevelId().levelIdc()).isEqualTo(0x34);
  }
}
