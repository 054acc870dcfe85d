package dev.junction.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.media.dtls.DtlsIdentity;
import dev.junction.media.ice.IceCredentials;
import dev.junction.media.sdp.AnswerReader;
import dev.junction.media.sdp.Fingerprint;
import dev.junction.media.sdp.Setup;
import dev.junction.media.sdp.SessionDescription;
import dev.junction.media.sdp.VideoAnswer;
import dev.junction.media.sdp.VideoOffer;
import dev.junction.stun.Bytes;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The bench viewer reads the gateway's offer and answers it the way the gateway accepts. */
class ViewerAnswerTest {

  private static final DtlsIdentity SERVER = DtlsIdentity.generate(Duration.ofDays(1));
  private static final DtlsIdentity VIEWER = DtlsIdentity.generate(Duration.ofDays(1));

  static VideoOffer offer(boolean rtx) throws Exception {
    VideoOffer.Builder b = VideoOffer.builder()
        .sessionId(7)
        .iceCredentials("srvUfrag", "serverPassword0123456789")
        .fingerprint(Fingerprint.sha256(Bytes.of(HexFormat.ofDelimiter(":").parseHex(SERVER.fingerprint()))))
        .address(InetAddress.getByName("127.0.0.1"))
        .port(10_000)
        .h264(102, "42e01f")
        .ssrc(0x1234_5678L)
        .cname("junction-test");
    return (rtx ? b.rtx(103, 0x1234_5679L) : b.noRtx()).build();
  }

  @Test
  void readsWhereToSendWhatToSignWithAndWhichStreamsToExpect() throws Exception {
    GatewayOffer offer = GatewayOffer.parse(offer(true).toSdp().toString());
    assertThat(offer.candidate().getPort()).isEqualTo(10_000);
    assertThat(offer.candidate().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(offer.ice()).isEqualTo(new IceCredentials("srvUfrag", "serverPassword0123456789"));
    assertThat(offer.fingerprint()).isEqualTo(SERVER.fingerprint());
    assertThat(offer.h264PayloadType()).isEqualTo(102);
    assertThat(offer.profileLevelId()).isEqualTo("42e01f");
    assertThat(offer.rtxPayloadType()).hasValue(103);
    assertThat(offer.ssrc()).isEqualTo(0x1234_5678L);
    assertThat(offer.rtxSsrc()).isEqualTo(0x1234_5679L);
  }

  @Test
  void theGatewaysAnswerReaderAcceptsTheAnswerAsAnActiveRecvonlyH264ViewerWithRtx() throws Exception {
    VideoOffer offer = offer(true);
    IceCredentials viewer = IceCredentials.random();
    String answer = ViewerAnswer.write(GatewayOffer.parse(offer.toSdp().toString()), viewer, VIEWER.fingerprint());

    VideoAnswer read = AnswerReader.read(offer.toSdp(), SessionDescription.parse(answer));
    assertThat(read.iceUfrag()).isEqualTo(viewer.ufrag());
    assertThat(read.icePwd()).isEqualTo(viewer.pwd());
    assertThat(read.setup()).isEqualTo(Setup.ACTIVE);
    assertThat(read.fingerprints()).extracting(Fingerprint::value).containsExactly("sha-256 " + VIEWER.fingerprint());
    assertThat(read.preferredH264().payloadType()).isEqualTo(102);
    assertThat(read.preferredH264().rtxPayloadType()).hasValue(103);
    assertThat(read.preferredH264().hasFeedback("nack")).isTrue();
    assertThat(read.preferredH264().hasFeedback("nack", "pli")).isTrue();
  }

  @Test
  void anOfferWithoutRtxGetsAnAnswerWithoutIt() throws Exception {
    VideoOffer offer = offer(false);
    GatewayOffer read = GatewayOffer.parse(offer.toSdp().toString());
    assertThat(read.rtxPayloadType()).isEmpty();
    String answer = ViewerAnswer.write(read, IceCredentials.random(), VIEWER.fingerprint());
    assertThat(AnswerReader.read(offer.toSdp(), SessionDescription.parse(answer)).preferredH264().rtxPayloadType())
        .isEmpty();
    assertThat(answer).doesNotContain("rtx");
  }
}
