package dev.junction.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the parser reads out of libwebrtc m138's answer and trickled candidates. */
class LibwebrtcSdpTest {

  @Test
  void gatheredAnswerHasUdpAndPassiveTcpHostCandidates() {
    MediaDescription video = Fixtures.parse(Fixtures.LIBWEBRTC_ANSWER_RTX_GATHERED).media().get(0);

    assertThat(video.attributes().candidates()).hasSize(4).allSatisfy(c -> {
      assertThat(c.type()).isEqualTo(Candidate.Type.HOST);
      assertThat(c.generation()).hasValue(0);
    });
    assertThat(video.attributes().candidates()).filteredOn(c -> !c.isUdp())
        .extracting(c -> c.tcpType().orElseThrow()).containsExactly("passive", "passive");
    assertThat(video.connection().orElseThrow().address()).isEqualTo("192.0.2.2");
  }

  @Test
  void trickledCandidatesCarryTheirUfragAndRoundTrip() throws Exception {
    List<Candidate> trickled = new ArrayList<>();
    for (String line : Fixtures.text(Fixtures.LIBWEBRTC_TRICKLED).split("\n")) {
      Candidate c = Candidate.parse(line);
      assertThat(c.toString()).isEqualTo(line);
      trickled.add(c);
    }

    assertThat(trickled).hasSize(4);
    String ufrag = Fixtures.parse(Fixtures.LIBWEBRTC_ANSWER_RTX).media().get(0).attributes().iceUfrag().orElseThrow();
    assertThat(trickled).allSatisfy(c -> assertThat(c.ufrag()).contains(ufrag));
    assertThat(trickled).extracting(Candidate::address).containsExactly("192.0.2.2", "fd00::2", "192.0.2.2", "fd00::2");
  }
}
