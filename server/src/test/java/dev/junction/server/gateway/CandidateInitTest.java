package dev.junction.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onvoid.webrtc.RTCIceCandidate;
import org.junit.jupiter.api.Test;

/** The browser's RTCIceCandidateInit JSON, as the XProtect API carries it in both directions. */
class CandidateInitTest {

  /** A host candidate exactly as libwebrtc m138 writes it. */
  private static final String LIBWEBRTC_HOST =
      "candidate:1601560181 1 udp 2122194687 192.0.2.2 56582 typ host generation 0 ufrag FBwj network-id 1";

  @Test
  void aGatheredCandidateBecomesTheJsonABrowserGivesMembersInItsOrder() {
    CandidateInit init = CandidateInit.of(new RTCIceCandidate("0", 0, LIBWEBRTC_HOST));

    assertThat(init.toJson()).isEqualTo("{\"candidate\":\"" + LIBWEBRTC_HOST + "\","
        + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"FBwj\"}");
  }

  @Test
  void theUsernameFragmentIsTheCandidatesUfragAttribute() {
    assertThat(CandidateInit.ufragOf(LIBWEBRTC_HOST)).isEqualTo("FBwj");
    assertThat(CandidateInit.ufragOf(
        "candidate:2 1 udp 1686052607 203.0.113.7 40000 typ srflx raddr 192.0.2.2 rport 56582 generation 0 ufrag Xy9z"))
        .as("after raddr and rport").isEqualTo("Xy9z");
    assertThat(CandidateInit.ufragOf("candidate:3 1 udp 2130706431 127.0.0.1 10000 typ host"))
        .as("a server candidate without extensions").isNull();
    assertThat(CandidateInit.ufragOf("candidate:4 1 udp 1 10.0.0.9 9 typ ufrag")).as("the type is no attribute name").isNull();
  }

  @Test
  void readsTheCandidateJsonAServerReturns() {
    CandidateInit init = CandidateInit.fromJson(
        "{\"candidate\":\"candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}");

    assertThat(init).isEqualTo(new CandidateInit("candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host", "0", 0, null));
    RTCIceCandidate candidate = init.toNative();
    assertThat(candidate.sdp).isEqualTo(init.candidate());
    assertThat(candidate.sdpMid).isEqualTo("0");
    assertThat(candidate.sdpMLineIndex).isZero();
  }

  @Test
  void aCandidateWithOnlyAnIndexGoesToLibwebrtcWithAnEmptyMid() {
    CandidateInit init = CandidateInit.fromJson("{\"candidate\":\"candidate:1 1 udp 1 127.0.0.1 9 typ host\",\"sdpMLineIndex\":0}");

    assertThat(init.toNative().sdpMid).isEmpty();
  }

  @Test
  void theEmptyCandidateIsTheEndOfCandidatesMarker() {
    assertThat(CandidateInit.fromJson("{\"candidate\":\"\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}").isEndOfCandidates()).isTrue();
    assertThat(CandidateInit.fromJson("{\"candidate\":\"\"}").isEndOfCandidates()).as("needs no mid").isTrue();
    assertThat(CandidateInit.fromJson("{\"candidate\":\"" + LIBWEBRTC_HOST + "\",\"sdpMid\":\"0\"}").isEndOfCandidates()).isFalse();
  }

  @Test
  void badInputIsRefusedNamingWhatIsWrong() {
    assertThatThrownBy(() -> CandidateInit.fromJson("candidate:1 1 udp 1 127.0.0.1 9 typ host"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> CandidateInit.fromJson("[1]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a JSON object");
    assertThatThrownBy(() -> CandidateInit.fromJson("{\"sdpMid\":\"0\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("candidate is required");
    assertThatThrownBy(() -> CandidateInit.fromJson("{\"candidate\":7,\"sdpMid\":\"0\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("candidate is not a string");
    assertThatThrownBy(() -> CandidateInit.fromJson("{\"candidate\":\"candidate:1 1 udp 1 127.0.0.1 9 typ host\",\"sdpMLineIndex\":\"0\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sdpMLineIndex is not an integer");
    assertThatThrownBy(() -> CandidateInit.fromJson("{\"candidate\":\"candidate:1 1 udp 1 127.0.0.1 9 typ host\"}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a candidate needs sdpMid or sdpMLineIndex");
  }
}
