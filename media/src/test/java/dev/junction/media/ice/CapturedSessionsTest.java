package dev.junction.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.media.sdp.SessionDescription;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.MessageType;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunMessage;
import dev.junction.stun.UnknownAttribute;
import dev.junction.stun.UseCandidate;
import dev.junction.stun.Username;
import dev.junction.stun.XorMappedAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Live sessions replayed: every datagram Chromium 156 and libwebrtc m138 sent to a real socket in
 * front of {@link IceDemux}, with the offer and answer of the same session (see the fixtures'
 * README). Replayed into a fresh demux with the offer's credentials, they must give the same
 * outcome the browser accepted: checks answered, DTLS routed, the pair nominated.
 */
class CapturedSessionsTest {

  private record Captured(InetSocketAddress source, byte[] bytes) {}

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "chromium-156-ice-datagrams.txt, gateway-offer-loopback.sdp, chromium-156-answer-loopback.sdp",
      "libwebrtc-m138-ice-datagrams.txt, gateway-offer-loopback-libwebrtc.sdp, libwebrtc-m138-answer-loopback.sdp",
  })
  void replayedSessionConnects(String datagrams, String offerFile, String answerFile) throws Exception {
    SessionDescription offer = SessionDescription.parse(resource(offerFile));
    SessionDescription answer = SessionDescription.parse(resource(answerFile));
    IceCredentials ours = new IceCredentials(offer.media().get(0).attributes().iceUfrag().orElseThrow(),
        offer.media().get(0).attributes().icePwd().orElseThrow());
    String theirs = answer.media().get(0).attributes().iceUfrag().orElseThrow();
    List<Captured> capture = capture(datagrams);
    InetSocketAddress browser = capture.get(0).source();

    AtomicLong clock = new AtomicLong();
    IceDemux demux = new IceDemux(clock::get);
    RecordingListener listener = new RecordingListener();
    IceSession session = demux.open(ours, listener);
    int checks = 0;
    int nominations = 0;
    int dtls = 0;
    for (Captured c : capture) {
      assertThat(c.source()).as("one 5-tuple for the whole session").isEqualTo(browser);
      PacketKind kind = PacketKind.classify(c.bytes());
      Inbound inbound = demux.receive(c.bytes(), 0, c.bytes().length, c.source());
      clock.addAndGet(50);
      if (kind == PacketKind.DTLS) {
        dtls++;
        assertThat(inbound).isEqualTo(new Inbound.Deliver(session, PacketKind.DTLS));
        continue;
      }
      assertThat(kind).isEqualTo(PacketKind.STUN);
      StunMessage check = StunDecoder.decode(c.bytes()).message();
      checks++;
      assertThat(check.first(Username.class)).contains(new Username(ours.ufrag() + ":" + theirs));
      nominations += check.has(UseCandidate.class) ? 1 : 0;
      DecodedMessage response = StunDecoder.decode(((Inbound.Reply) inbound).datagram().payload().toByteArray());
      assertThat(response.message().type()).isEqualTo(MessageType.BINDING_SUCCESS);
      assertThat(response.message().transactionId()).isEqualTo(check.transactionId());
      assertThat(response.verifyIntegrity(ours.integrityKey())).isTrue();
      assertThat(response.hasValidFingerprint()).isTrue();
      assertThat(response.message().first(XorMappedAddress.class)).contains(new XorMappedAddress(browser));
    }

    assertThat(checks).isGreaterThanOrEqualTo(7);
    assertThat(dtls).as("the ClientHello and its retransmissions").isGreaterThanOrEqualTo(3);
    assertThat(nominations).as("regular nomination: USE-CANDIDATE only after the pair worked").isBetween(1, checks - 1);
    assertThat(session.selectedAddress()).contains(browser);
    assertThat(listener.selected).containsExactly(browser);
    assertThat(demux.expireConsent()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"chromium-156-ice-datagrams.txt", "libwebrtc-m138-ice-datagrams.txt"})
  void theSameChecksUnderAnotherPasswordAre401AndRouteNothing(String datagrams) throws Exception {
    List<Captured> capture = capture(datagrams);
    String ufrag = StunDecoder.decode(capture.get(0).bytes()).message().first(Username.class).orElseThrow().value()
        .split(":")[0];
    IceDemux demux = new IceDemux(() -> 0);
    IceSession session = demux.open(new IceCredentials(ufrag, "notThePasswordTheyUsed00"), IceSessionListener.NONE);

    for (Captured c : capture) {
      Inbound inbound = demux.receive(c.bytes(), 0, c.bytes().length, c.source());
      if (inbound instanceof Inbound.Reply r) {
        assertThat(StunDecoder.decode(r.datagram().payload().toByteArray()).message().type())
            .isEqualTo(MessageType.BINDING_ERROR);
      } else {
        assertThat(inbound).isEqualTo(new Inbound.Drop(DropReason.UNKNOWN_SOURCE));
      }
    }
    assertThat(session.selectedAddress()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void chromiumAddsGoogNetworkInfoWhichIsComprehensionOptional() throws Exception {
    StunMessage check = StunDecoder.decode(capture("chromium-156-ice-datagrams.txt").get(0).bytes()).message();

    assertThat(check.all(UnknownAttribute.class)).extracting(UnknownAttribute::type).containsExactly(0xC057);
    assertThat(check.unknownComprehensionRequired()).isEmpty();
  }

  private static List<Captured> capture(String name) throws IOException {
    List<Captured> out = new ArrayList<>();
    for (String line : resource(name).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ");
      out.add(new Captured(new InetSocketAddress(f[0], Integer.parseInt(f[1])), HexFormat.of().parseHex(f[2])));
    }
    return out;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CapturedSessionsTest.class.getResourceAsStream("/sdp/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
