package dev.junction.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the parser reads out of descriptions Chromium 156 wrote. */
class ChromiumSdpTest {

  @Test
  void answerToOurOffer() {
    SessionDescription answer = Fixtures.parse(Fixtures.CHROMIUM_ANSWER_RTX);

    assertThat(answer.origin().username()).isEqualTo("-");
    assertThat(answer.origin().sessionVersion()).isEqualTo(2);
    assertThat(answer.sessionName()).isEqualTo("-");
    assertThat(answer.bundleGroup()).contains(new Group("BUNDLE", List.of("0")));
    assertThat(answer.attributes().value("msid-semantic")).as("unknown, kept as written").contains(" WMS");
    assertThat(answer.media()).hasSize(1);

    MediaDescription video = answer.media().get(0);
    assertThat(video.mediaLine().value()).isEqualTo("video 9 UDP/TLS/RTP/SAVPF 96 97");
    assertThat(video.mediaLine().payloadTypes()).containsExactly(96, 97);
    assertThat(video.connection()).contains(new Connection("IN", "IP4", "0.0.0.0"));
    Attributes a = video.attributes();
    assertThat(a.value("rtcp")).as("a=rtcp is kept as an unknown attribute").contains("9 IN IP4 0.0.0.0");
    assertThat(a.iceUfrag()).contains("VDsU");
    assertThat(a.icePwd()).contains("ZrVk703x9nx9WvFjav3nHCE1");
    assertThat(a.iceOptions()).containsExactly("trickle");
    assertThat(a.fingerprints()).singleElement().satisfies(f -> {
      assertThat(f.hashFunction()).isEqualTo("sha-256");
      assertThat(f.digest().hex()).isEqualTo("41652f1edbb40a5a259d1fecd6e763727226b97eb7bda9f701f19f4d05ba428d");
    });
    assertThat(a.setup()).contains(Setup.ACTIVE);
    assertThat(a.mid()).contains("0");
    assertThat(a.direction()).contains(Direction.RECVONLY);
    assertThat(a.rtcpMux()).isTrue();
    assertThat(a.rtpMaps()).containsExactly(RtpMap.of(96, "H264", 90_000), RtpMap.of(97, "rtx", 90_000));
    assertThat(a.rtcpFbs(96)).extracting(RtcpFb::value)
        .containsExactly("96 goog-remb", "96 ccm fir", "96 nack", "96 nack pli");
    assertThat(a.fmtp(96)).hasValueSatisfying(f -> {
      assertThat(f.parameter("packetization-mode")).contains("1");
      assertThat(f.parameter("PROFILE-LEVEL-ID")).contains("42e01f");
      assertThat(f.parameterMap()).containsKeys("level-asymmetry-allowed", "packetization-mode", "profile-level-id");
    });
    assertThat(a.fmtp(97)).hasValueSatisfying(f -> assertThat(f.parameter("apt")).contains("96"));
    assertThat(a.candidates()).isEmpty();
    assertThat(a.ssrcs()).as("a recvonly section has no sources").isEmpty();
  }

  @Test
  void gatheredAnswerCarriesHostCandidates() {
    MediaDescription video = Fixtures.parse(Fixtures.CHROMIUM_ANSWER_RTX_GATHERED).media().get(0);

    assertThat(video.mediaLine().port()).as("the default candidate's port").isEqualTo(44239);
    assertThat(video.attributes().candidates()).satisfiesExactly(
        v4 -> {
          assertThat(v4.foundation()).isEqualTo("131084526");
          assertThat(v4.component()).isEqualTo(1);
          assertThat(v4.isUdp()).isTrue();
          assertThat(v4.priority()).isEqualTo(2122194687L);
          assertThat(v4.address()).isEqualTo("192.0.2.2");
          assertThat(v4.port()).isEqualTo(44239);
          assertThat(v4.type()).isEqualTo(Candidate.Type.HOST);
          assertThat(v4.generation()).hasValue(0);
          assertThat(v4.extensions()).containsExactly(new Candidate.Extension("network-id", "1"));
          assertThat(v4.socketAddress()).contains(new InetSocketAddress("192.0.2.2", 44239));
          assertThat(v4.toLine().toString())
              .isEqualTo("a=candidate:131084526 1 udp 2122194687 192.0.2.2 44239 typ host generation 0 network-id 1");
        },
        v6 -> {
          assertThat(v6.address()).isEqualTo("fd00::2");
          assertThat(v6.socketAddress()).contains(new InetSocketAddress("fd00::2", 59575));
        });
  }

  @Test
  void rejectedSectionHasPortZero() {
    SessionDescription answer = Fixtures.parse(Fixtures.CHROMIUM_ANSWER_HIGH_REJECTED);

    assertThat(answer.bundleGroup()).as("a=group:BUNDLE with no mids").contains(new Group("BUNDLE", List.of()));
    MediaDescription video = answer.media().get(0);
    assertThat(video.isRejected()).isTrue();
    assertThat(video.mediaLine().formats()).containsExactly("0");
    assertThat(video.attributes().rtpMaps()).isEmpty();
  }

  @Test
  void chromiumsOwnOfferWithAudioVideoAndData() {
    SessionDescription offer = Fixtures.parse(Fixtures.CHROMIUM_OFFER);

    assertThat(offer.bundleGroup()).contains(new Group("BUNDLE", List.of("0", "1", "2")));
    assertThat(offer.attributes().has("extmap-allow-mixed")).isTrue();
    assertThat(offer.media()).extracting(MediaDescription::kind).containsExactly("audio", "video", "application");

    Attributes audio = offer.media().get(0).attributes();
    assertThat(audio.rtpMap(111)).contains(new RtpMap(111, "opus", 48_000, OptionalInt.of(2)));
    assertThat(audio.fmtp(63)).as("RED's bare parameter").hasValueSatisfying(f -> {
      assertThat(f.parameters()).isEqualTo("111/111");
      assertThat(f.parameterMap()).isEmpty();
    });
    assertThat(audio.extmaps()).first()
        .isEqualTo(new Extmap(1, Optional.empty(), "urn:ietf:params:rtp-hdrext:ssrc-audio-level", Optional.empty()));
    assertThat(audio.rtcpFbs(111)).extracting(RtcpFb::type).containsExactly("transport-cc");
    assertThat(audio.values("rtcp-xr")).containsExactly("rcvr-rtt=all");

    Attributes video = offer.media().get(1).attributes();
    assertThat(video.setup()).contains(Setup.ACTPASS);
    assertThat(video.direction()).contains(Direction.SENDRECV);
    assertThat(video.extmaps()).extracting(Extmap::id).containsExactly(14, 2, 13, 3, 5, 6, 7, 8, 4, 10, 11);
    assertThat(video.ssrcGroups()).singleElement()
        .isEqualTo(new SsrcGroup("FID", List.of(362471924L, 3555220204L)));
    assertThat(video.ssrcs()).hasSize(4).first().satisfies(s -> {
      assertThat(s.ssrc()).isEqualTo(362471924L);
      assertThat(s.attribute()).isEqualTo("cname");
      assertThat(s.attributeValue()).contains("Q6fQRlWe7Ab1xc4r");
    });
    assertThat(video.msids()).singleElement().satisfies(m -> {
      assertThat(m.streamId()).isEqualTo("c46677ad-a48e-4282-8a6d-e35d0d5f27d4");
      assertThat(m.trackId()).contains("4c4edfb6-bd7d-4e61-9838-4cb34c0b8957");
    });
    List<String> h264 = video.rtpMaps().stream().filter(m -> m.is("h264")).map(m -> video.fmtp(m.payloadType())
        .flatMap(f -> f.parameter("profile-level-id")).orElseThrow() + "/" + video.fmtp(m.payloadType())
        .flatMap(f -> f.parameter("packetization-mode")).orElseThrow()).toList();
    assertThat(h264).containsExactly("42001f/1", "42001f/0", "42e01f/1", "42e01f/0", "4d001f/1", "4d001f/0");

    MediaDescription data = offer.media().get(2);
    assertThat(data.mediaLine().isRtp()).isFalse();
    assertThat(data.mediaLine().formats()).containsExactly("webrtc-datachannel");
    assertThat(data.attributes().value("sctp-port")).contains("5000");
    assertThat(data.attributes().value("max-message-size")).contains("262144");
  }
}
