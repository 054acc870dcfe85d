package dev.junction.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.stun.Bytes;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each attribute value: what it reads, what it writes, what its constructor refuses. */
class ValuesTest {

  private static final String SHA256_HEX = "41:65:2F:1E:DB:B4:0A:5A:25:9D:1F:EC:D6:E7:63:72:72:26:B9:7E:B7:BD:A9:F7:01:F1"
      + ":9F:4D:05:BA:42:8D";

  @Test
  void sdpLineSplitsAttributesAtTheFirstColon() {
    SdpLine rtcp = new SdpLine('a', "rtcp:9 IN IP4 0.0.0.0");
    assertThat(rtcp.attributeName()).isEqualTo("rtcp");
    assertThat(rtcp.attributeValue()).contains("9 IN IP4 0.0.0.0");
    assertThat(SdpLine.attribute("candidate", "1 1 udp 1 ::1 9 typ host").attributeValue())
        .as("IPv6 colons stay in the value").contains("1 1 udp 1 ::1 9 typ host");
    assertThat(SdpLine.attribute("rtcp-mux").attributeValue()).isEmpty();
    assertThat(SdpLine.attribute("x", "").attributeValue()).contains("");
    assertThat(SdpLine.attribute("rtcp-mux").isAttribute("rtcp-mux")).isTrue();
    assertThat(new SdpLine('s', "-").isAttribute("s")).isFalse();
    assertThatThrownBy(() -> new SdpLine('s', "-").attributeName()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SdpLine('A', "x")).hasMessageContaining("lower-case letter");
    assertThatThrownBy(() -> new SdpLine('a', "x\ny")).hasMessageContaining("CR, LF or NUL");
  }

  @Test
  void fingerprintReadsAnyCaseAndWritesUpperCase() throws Exception {
    Fingerprint f = Fingerprint.parse("SHA-256 " + SHA256_HEX.toLowerCase());

    assertThat(f.hashFunction()).isEqualTo("sha-256");
    assertThat(f.digest().size()).isEqualTo(32);
    assertThat(f.value()).isEqualTo("sha-256 " + SHA256_HEX);
    assertThat(Fingerprint.parse(f.value())).isEqualTo(f);
    assertThat(f.toLine().toString()).isEqualTo("a=fingerprint:sha-256 " + SHA256_HEX);
  }

  @ParameterizedTest
  @CsvSource({"sha-1, 20", "sha-224, 28", "sha-384, 48", "sha-512, 64", "md5, 16"})
  void fingerprintLengthsOfTheNamedHashes(String hash, int bytes) throws Exception {
    Fingerprint f = new Fingerprint(hash, Bytes.of(new byte[bytes]));

    assertThat(Fingerprint.parse(f.value())).isEqualTo(f);
    assertThatThrownBy(() -> new Fingerprint(hash, Bytes.of(new byte[bytes + 1]))).hasMessageContaining(bytes + " bytes");
  }

  @Test
  void fingerprintOfAnUnknownHashTakesAnyLength() throws Exception {
    assertThat(Fingerprint.parse("sha3-256 AB:CD:EF").digest().hex()).isEqualTo("abcdef");
  }

  @Test
  void rtpMapWithAndWithoutChannels() throws Exception {
    assertThat(RtpMap.parse("111 opus/48000/2")).isEqualTo(new RtpMap(111, "opus", 48_000, OptionalInt.of(2)));
    assertThat(RtpMap.parse("0 PCMU/8000").value()).isEqualTo("0 PCMU/8000");
    assertThat(RtpMap.parse("96 h264/90000").is("H264")).isTrue();
    assertThatThrownBy(() -> RtpMap.of(128, "H264", 90_000)).hasMessageContaining("0-127");
    assertThatThrownBy(() -> RtpMap.of(96, "H264/x", 90_000)).hasMessageContaining("without '/'");
  }

  @Test
  void fmtpParameters() throws Exception {
    Fmtp f = Fmtp.parse("96 level-asymmetry-allowed=1; packetization-mode=1;profile-level-id=42e01f;packetization-mode=0");

    assertThat(f.parameterMap()).containsExactly(
        java.util.Map.entry("level-asymmetry-allowed", "1"),
        java.util.Map.entry("packetization-mode", "1"),
        java.util.Map.entry("profile-level-id", "42e01f"));
    assertThat(f.parameter("Packetization-Mode")).as("first wins, any case").contains("1");
    assertThat(f.parameter("sprop-parameter-sets")).isEmpty();
    assertThat(Fmtp.parse(f.value())).isEqualTo(f);
    assertThat(Fmtp.parse("101 0-15").parameters()).isEqualTo("0-15");
  }

  @Test
  void rtcpFbWildcardAndParameters() throws Exception {
    RtcpFb all = RtcpFb.parse("* nack");
    assertThat(all.payloadType()).isEmpty();
    assertThat(all.appliesTo(96)).isTrue();
    assertThat(all.value()).isEqualTo("* nack");
    assertThat(RtcpFb.parse("96 nack pli")).isEqualTo(RtcpFb.of(96, "nack", "pli"));
    assertThat(RtcpFb.parse("96 ccm fir").appliesTo(97)).isFalse();
    assertThat(RtcpFb.parse("96 trr-int 100").parameter()).contains("100");
  }

  @Test
  void extmapWithDirectionAndAttributes() throws Exception {
    Extmap e = Extmap.parse("4096/recvonly urn:ietf:params:rtp-hdrext:encrypt urn:example extra");

    assertThat(e.id()).isEqualTo(4096);
    assertThat(e.direction()).contains(Direction.RECVONLY);
    assertThat(e.uri()).isEqualTo("urn:ietf:params:rtp-hdrext:encrypt");
    assertThat(e.extensionAttributes()).contains("urn:example extra");
    assertThat(Extmap.parse(e.value())).isEqualTo(e);
    assertThat(Extmap.parse("255 urn:x").id()).as("two-byte header ids").isEqualTo(255);
    assertThatThrownBy(() -> Extmap.parse("256 urn:x")).hasMessageContaining("1-255 or 4096-4351");
  }

  @Test
  void ssrcAndGroups() throws Exception {
    assertThat(Ssrc.parse("4294967295 cname:a b")).isEqualTo(Ssrc.of(4294967295L, "cname", "a b"));
    assertThat(Ssrc.parse("1 label")).isEqualTo(new Ssrc(1, "label", Optional.empty()));
    assertThat(Ssrc.parse("1 msid:s t").value()).isEqualTo("1 msid:s t");
    assertThat(SsrcGroup.parse("FID 1 2").value()).isEqualTo("FID 1 2");
    assertThat(SsrcGroup.parse("SIM 1 2 3").ssrcs()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void msidWithAndWithoutTrack() throws Exception {
    assertThat(Msid.parse("- 448e7a20")).isEqualTo(Msid.of("-", "448e7a20"));
    assertThat(Msid.parse("stream").trackId()).isEmpty();
    assertThatThrownBy(() -> Msid.of("x".repeat(65), "t")).hasMessageContaining("1-64");
  }

  @Test
  void groupsAndOrigin() throws Exception {
    assertThat(Group.parse("BUNDLE 0 1 2")).isEqualTo(new Group("BUNDLE", List.of("0", "1", "2")));
    assertThat(Group.parse("LS").value()).isEqualTo("LS");
    Origin o = Origin.parse("mozilla...THIS_IS_SDPARTA-99.0 5914126366357733453 0 IN IP4 0.0.0.0");
    assertThat(o.username()).isEqualTo("mozilla...THIS_IS_SDPARTA-99.0");
    assertThat(o.value()).isEqualTo("mozilla...THIS_IS_SDPARTA-99.0 5914126366357733453 0 IN IP4 0.0.0.0");
    assertThat(Origin.parse("- 123456789012345678901234567890 1 IN IP4 127.0.0.1").sessionId())
        .as("ids longer than 64 bits are kept as digits").hasSize(30);
    assertThatThrownBy(() -> Origin.jsep(-1, 0)).hasMessageContaining("63 bits");
  }

  @Test
  void mediaLineWithPortCount() throws Exception {
    MediaLine m = MediaLine.parse("video 49170/2 RTP/AVP 31 32");

    assertThat(m.numberOfPorts()).hasValue(2);
    assertThat(m.isRtp()).isTrue();
    assertThat(m.payloadTypes()).containsExactly(31, 32);
    assertThat(m.value()).isEqualTo("video 49170/2 RTP/AVP 31 32");
    assertThat(MediaLine.parse("application 9 UDP/DTLS/SCTP webrtc-datachannel").payloadTypes()).isEmpty();
  }

  @Test
  void connectionLine() throws Exception {
    assertThat(Connection.of(InetAddress.getByName("2001:db8:0:0:1:0:0:1")).value()).isEqualTo("IN IP6 2001:db8::1:0:0:1");
    assertThat(Connection.of(InetAddress.getByName("203.0.113.7")).toLine().toString()).isEqualTo("c=IN IP4 203.0.113.7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1a2b3c4d-1111-2222-3333-444455556666.local", "example.com", "192.0.2.256", "127.1", "1.2.3",
      "01.2.3.4", ""})
  void namesAreNeverResolved(String name) {
    assertThat(IpLiteral.parse(name)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"192.0.2.1, 192.0.2.1", "::1, ::1", "2001:DB8::7, 2001:db8::7", "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
      "fe80::1, fe80::1", "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8", "2001:0:0:1:0:0:0:1, 2001:0:0:1::1"})
  void ipLiteralsAreWrittenInRfc5952Form(String in, String out) {
    assertThat(IpLiteral.parse(in).map(IpLiteral::format)).contains(out);
  }

  @Test
  void directionSemantics() {
    assertThat(Direction.SENDONLY.sends()).isTrue();
    assertThat(Direction.SENDONLY.receives()).isFalse();
    assertThat(Direction.SENDRECV.receives()).isTrue();
    assertThat(Direction.INACTIVE.sends() || Direction.INACTIVE.receives()).isFalse();
    assertThat(Direction.fromAttributeName("recvonly")).contains(Direction.RECVONLY);
    assertThat(Direction.fromAttributeName("sendonlyx")).isEmpty();
    assertThat(Setup.ACTPASS.toLine().toString()).isEqualTo("a=setup:actpass");
  }
}
