package dev.junction.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.stun.Bytes;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated offer, line by line, and the exact offers Chromium and libwebrtc accepted. */
class VideoOfferTest {

  /** The fixed digest the captured offers carry (see the fixtures' README). */
  static Fingerprint testFingerprint() throws Exception {
    return Fingerprint.sha256(Bytes.of(MessageDigest.getInstance("SHA-256")
        .digest("junction test certificate".getBytes(StandardCharsets.UTF_8))));
  }

  static VideoOffer.Builder capturedRtxOffer() throws Exception {
    return VideoOffer.builder()
        .sessionId(4611731400430051336L)
        .iceCredentials("tK4Q", "Jm3k/9XqRtv+2WbLp8yZc0Ae")
        .fingerprint(testFingerprint())
        .port(8189)
        .ssrc(3735928559L)
        .cname("junction-cam1")
        .h264(96, "42e01f")
        .address(InetAddress.getByName("203.0.113.7"))
        .address(InetAddress.getByName("2001:db8::7"))
        .rtx(97, 305419896L);
  }

  @Test
  void offerLineByLine() throws Exception {
    List<String> lines = capturedRtxOffer().build().toSdp().lines().stream().map(SdpLine::toString).toList();

    assertThat(lines).containsExactly(
        "v=0",
        "o=- 4611731400430051336 1 IN IP4 127.0.0.1",
        "s=-",
        "t=0 0",
        "a=group:BUNDLE 0",
        "a=ice-lite",
        "m=video 8189 UDP/TLS/RTP/SAVPF 96 97",
        "c=IN IP4 203.0.113.7",
        "a=mid:0",
        "a=sendonly",
        "a=ice-ufrag:tK4Q",
        "a=ice-pwd:Jm3k/9XqRtv+2WbLp8yZc0Ae",
        "a=fingerprint:sha-256 13:57:A5:8C:BA:78:09:38:B5:2A:83:DD:7D:6C:71:7F:42:89:93:7A:7D:14:D3:42:D9:A3:A9:8D:99:50"
            + ":8A:9D",
        "a=setup:actpass",
        "a=rtcp-mux",
        "a=candidate:1 1 udp 2130706431 203.0.113.7 8189 typ host",
        "a=candidate:2 1 udp 2130706175 2001:db8::7 8189 typ host",
        "a=end-of-candidates",
        "a=msid:junction video",
        "a=rtpmap:96 H264/90000",
        "a=rtcp-fb:96 nack",
        "a=rtcp-fb:96 nack pli",
        "a=rtcp-fb:96 ccm fir",
        "a=rtcp-fb:96 goog-remb",
        "a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
        "a=rtpmap:97 rtx/90000",
        "a=fmtp:97 apt=96",
        "a=ssrc-group:FID 3735928559 305419896",
        "a=ssrc:3735928559 cname:junction-cam1",
        "a=ssrc:3735928559 msid:junction video",
        "a=ssrc:305419896 cname:junction-cam1",
        "a=ssrc:305419896 msid:junction video");
  }

  @Test
  void generatesExactlyTheOffersTheBrowsersAnswered() throws Exception {
    assertThat(capturedRtxOffer().build().toSdp().toString()).isEqualTo(Fixtures.text(Fixtures.GATEWAY_OFFER_RTX));

    VideoOffer plain = VideoOffer.builder().sessionId(7361402209455781110L)
        .iceCredentials("Hq2n", "sE8uW1fZ5mPq0LxT+jB3kR/a").fingerprint(testFingerprint()).port(8189)
        .ssrc(1122334455L).cname("junction-cam3").address(InetAddress.getByName("198.51.100.20")).build();
    assertThat(plain.toSdp().toString()).isEqualTo(Fixtures.text(Fixtures.GATEWAY_OFFER));
  }

  @Test
  void ipv6FirstGivesAnIp6ConnectionLine() throws Exception {
    SessionDescription offer = capturedRtxOffer()
        .addresses(List.of(InetAddress.getByName("2001:db8::7"), InetAddress.getByName("203.0.113.7"))).build().toSdp();

    MediaDescription video = offer.media().get(0);
    assertThat(video.connection()).contains(new Connection("IN", "IP6", "2001:db8::7"));
    assertThat(video.attributes().candidates()).extracting(Candidate::address).containsExactly("2001:db8::7", "203.0.113.7");
  }

  @Test
  void withoutRtxNoRtxLines() throws Exception {
    SessionDescription offer = capturedRtxOffer().noRtx().build().toSdp();

    Attributes a = offer.media().get(0).attributes();
    assertThat(offer.media().get(0).mediaLine().formats()).containsExactly("96");
    assertThat(a.rtpMaps()).extracting(RtpMap::encodingName).containsExactly("H264");
    assertThat(a.ssrcGroups()).isEmpty();
    assertThat(a.ssrcs()).extracting(Ssrc::ssrc).containsOnly(3735928559L);
  }

  @Test
  void newBuilderMakesTheNextOfferOfTheSession() throws Exception {
    VideoOffer first = capturedRtxOffer().build();

    VideoOffer restart = first.newBuilder().sessionVersion(2).iceCredentials("Zz9a", "0123456789abcdefghij+/").build();

    SessionDescription sdp = restart.toSdp();
    assertThat(sdp.origin().sessionId()).isEqualTo("4611731400430051336");
    assertThat(sdp.origin().sessionVersion()).isEqualTo(2);
    assertThat(sdp.media().get(0).attributes().iceUfrag()).contains("Zz9a");
    assertThat(restart.ssrc()).isEqualTo(first.ssrc());
  }

  @Test
  void defaultsAreRandomSessionIdAndBaselineProfile() throws Exception {
    VideoOffer offer = VideoOffer.builder().iceCredentials("abcd", "abcdefghijklmnopqrstuv").fingerprint(testFingerprint())
        .port(9000).ssrc(1).cname("c").address(InetAddress.getByName("192.0.2.1")).build();

    assertThat(offer.payloadType()).isEqualTo(96);
    assertThat(offer.profileLevelId()).isEqualTo(H264ProfileLevelId.DEFAULT);
    assertThat(Long.parseLong(offer.toSdp().origin().sessionId())).isNotNegative();
    assertThat(offer.rtxPayloadType()).isEmpty();
  }

  @Test
  void builderRefusesBadValuesAtOnce() {
    VideoOffer.Builder b = VideoOffer.builder();
    assertThatThrownBy(() -> b.iceCredentials("abc", "abcdefghijklmnopqrstuv")).hasMessageContaining("RFC 8839 §5.4");
    assertThatThrownBy(() -> b.iceCredentials("abcd", "short")).hasMessageContaining("22-256");
    assertThatThrownBy(() -> b.iceCredentials("ab:d", "abcdefghijklmnopqrstuv")).hasMessageContaining("ice-chars");
    assertThatThrownBy(() -> b.port(0)).hasMessageContaining("1-65535");
    assertThatThrownBy(() -> b.h264(95, "42e01f")).hasMessageContaining("96-127");
    assertThatThrownBy(() -> b.h264(96, "7a001f")).hasMessageContaining("profile-level-id");
    assertThatThrownBy(() -> b.ssrc(1L << 32)).hasMessageContaining("32-bit");
    assertThatThrownBy(() -> b.cname("a b")).hasMessageContaining("without spaces");
    assertThatThrownBy(() -> b.address(InetAddress.getByName("0.0.0.0"))).hasMessageContaining("unicast and specific");
    assertThatThrownBy(() -> b.mid("a b")).hasMessageContaining("token");
  }

  @Test
  void buildRequiresEveryMandatoryValue() throws Exception {
    assertThatThrownBy(() -> VideoOffer.builder().build()).hasMessageContaining("ICE credentials");
    assertThatThrownBy(() -> capturedRtxOffer().addresses(List.of()).build()).hasMessageContaining("address");
    assertThatThrownBy(() -> capturedRtxOffer().rtx(96, 5).build()).hasMessageContaining("RTX payload type must differ");
    assertThatThrownBy(() -> capturedRtxOffer().rtx(97, 3735928559L).build()).hasMessageContaining("RTX SSRC");
  }
}
