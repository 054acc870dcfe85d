package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 3550 §5.1: the header layout bit by bit, round trips, and every decoding rule. */
class RtpPacketTest {

  // V=2 P=0 X=0 CC=0 | M=1 PT=96 | seq 0x1234 | ts 0xDEADBEEF | SSRC 0x01020304 | payload 0xCAFE
  private static final String SIMPLE = "80 e0 1234 deadbeef 01020304 cafe";

  @Test
  void decodesTheFixedHeader() throws RtpParseException {
    RtpPacket packet = RtpPacket.decode(Bytes.fromHex(SIMPLE).toByteArray());

    assertThat(packet.header().marker()).isTrue();
    assertThat(packet.payloadType()).isEqualTo(96);
    assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
    assertThat(packet.timestamp()).isEqualTo(0xDEADBEEFL);
    assertThat(packet.ssrc()).isEqualTo(0x01020304L);
    assertThat(packet.header().csrcs()).isEmpty();
    assertThat(packet.header().extension()).isEmpty();
    assertThat(packet.payload()).isEqualTo(Bytes.fromHex("cafe"));
    assertThat(packet.paddingSize()).isZero();
  }

  @Test
  void encodesBitForBit() {
    RtpPacket packet = RtpPacket.of(RtpHeader.of(96, 0x1234, 0xDEADBEEFL, 0x01020304L).withMarker(true),
        Bytes.fromHex("cafe"));

    assertThat(Bytes.of(packet.encode())).isEqualTo(Bytes.fromHex(SIMPLE));
    assertThat(packet.encodedSize()).isEqualTo(14);
  }

  @Test
  void csrcsExtensionAndPaddingRoundTrip() throws RtpParseException {
    // V=2 P=1 X=1 CC=2 = 0xb2 | M=0 PT=111 | seq 65535 | ts 0xFFFFFFFF | SSRC 0xFFFFFFFE
    // CSRC 1, CSRC 0xFFFFFFFF | ext profile 0xBEDE, 1 word: 0x10 0xAA 0 0 | payload 01 02 03 | padding 00 00 03
    String hex = "b2 6f ffff ffffffff fffffffe 00000001 ffffffff bede 0001 10aa0000 010203 000003";
    RtpPacket packet = RtpPacket.decode(Bytes.fromHex(hex).toByteArray());

    assertThat(packet.header().csrcs()).containsExactly(1L, 0xFFFFFFFFL);
    assertThat(packet.header().extension())
        .contains(new HeaderExtension(0xBEDE, Bytes.fromHex("10aa0000")));
    assertThat(packet.payload()).isEqualTo(Bytes.fromHex("010203"));
    assertThat(packet.paddingSize()).isEqualTo(3);
    assertThat(packet.sequenceNumber()).isEqualTo(65535);
    assertThat(packet.timestamp()).isEqualTo(0xFFFFFFFFL);
    assertThat(Bytes.of(packet.encode())).isEqualTo(Bytes.fromHex(hex));
  }

  @Test
  void emptyPayloadAndEmptyExtensionAreAllowed() throws RtpParseException {
    RtpPacket packet = RtpPacket.decode(Bytes.fromHex("90 00 0001 00000000 00000001 0000 0000").toByteArray());

    assertThat(packet.payload().isEmpty()).isTrue();
    assertThat(packet.header().extension()).contains(new HeaderExtension(0, Bytes.EMPTY));
  }

  @Test
  void paddingOnlyPacketIsAllowed() throws RtpParseException {
    // A padding-only probe: P set, the whole payload is 4 bytes of padding.
    RtpPacket packet = RtpPacket.decode(Bytes.fromHex("a0 60 0001 00000000 00000001 00000004").toByteArray());

    assertThat(packet.payload().isEmpty()).isTrue();
    assertThat(packet.paddingSize()).isEqualTo(4);
  }

  @Test
  void encodeIntoAPooledBufferWritesZeroPaddingAndLeavesTheRestAlone() {
    RtpPacket packet = new RtpPacket(RtpHeader.of(96, 1, 2, 3), Bytes.fromHex("ff"), 4);
    byte[] pooled = new byte[32];
    Arrays.fill(pooled, (byte) 0x55);
    ByteBuffer out = ByteBuffer.wrap(pooled);
    out.position(2);

    packet.encodeInto(out);

    assertThat(out.position()).isEqualTo(2 + 12 + 1 + 4);
    assertThat(Bytes.copyOf(pooled, 15, 4)).isEqualTo(Bytes.fromHex("00000004"));
    assertThat(pooled[0]).isEqualTo((byte) 0x55);
    assertThat(pooled[19]).isEqualTo((byte) 0x55);
  }

  @Test
  void decodesFromAnOffsetAndFromABufferWithoutMovingIt() throws RtpParseException {
    byte[] framed = Bytes.fromHex("ffff" + SIMPLE.replace(" ", "") + "ffff").toByteArray();
    RtpPacket fromArray = RtpPacket.decode(framed, 2, 14);
    ByteBuffer buffer = ByteBuffer.wrap(framed, 2, 14);
    RtpPacket fromBuffer = RtpPacket.decode(buffer);

    assertThat(fromArray).isEqualTo(fromBuffer);
    assertThat(buffer.position()).isEqualTo(2);
    framed[13] = 0; // the decoded packet owns a copy
    assertThat(fromArray.payload()).isEqualTo(Bytes.fromHex("cafe"));
  }

  @Test
  void refusesWhatRfc3550Forbids() {
    assertRefused("80 60 0001 00000000 000000", "shorter than the 12-byte fixed header");
    assertRefused("40 60 0001 00000000 00000001", "RTP version 1, RFC 3550 §5.1 requires 2");
    assertRefused("c0 60 0001 00000000 00000001", "RTP version 3");
    assertRefused("82 60 0001 00000000 00000001 00000001", "CSRC 2 of CC=2 needs 4 bytes, 0 left");
    assertRefused("90 60 0001 00000000 00000001 bede", "header extension length (X=1) needs 2 bytes");
    assertRefused("90 60 0001 00000000 00000001 bede 0002 00000000", "header extension of 2 words needs 8 bytes, 4 left");
    assertRefused("a0 60 0001 00000000 00000001", "P is set but no byte follows the header");
    assertRefused("a0 60 0001 00000000 00000001 ff00", "padding count 0: RFC 3550 §5.1 counts the last octet itself");
    assertRefused("a0 60 0001 00000000 00000001 ff03", "padding count 3 exceeds the 2 bytes after the header");
  }

  @Test
  void valuesOutsideTheirFieldsAreRefusedWhenBuilt() {
    assertThatThrownBy(() -> RtpHeader.of(128, 0, 0, 0)).hasMessageContaining("payload type is a 7-bit");
    assertThatThrownBy(() -> RtpHeader.of(96, 65536, 0, 0)).hasMessageContaining("sequence number is a 16-bit");
    assertThatThrownBy(() -> RtpHeader.of(96, 0, 1L << 32, 0)).hasMessageContaining("timestamp is a 32-bit");
    assertThatThrownBy(() -> RtpHeader.of(96, 0, 0, -1)).hasMessageContaining("SSRC is a 32-bit");
    assertThatThrownBy(() -> RtpHeader.of(96, 0, 0, 0).withCsrcs(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L,
        11L, 12L, 13L, 14L, 15L, 16L))).hasMessageContaining("at most 15 CSRCs");
    assertThatThrownBy(() -> new HeaderExtension(0xBEDE, Bytes.fromHex("010203")))
        .hasMessageContaining("whole number of 32-bit words");
    assertThatThrownBy(() -> new RtpPacket(RtpHeader.of(96, 0, 0, 0), Bytes.EMPTY, 256))
        .hasMessageContaining("padding size is a 8-bit");
  }

  @Test
  void withersChangeOneField() {
    RtpHeader header = RtpHeader.of(96, 1, 2, 3);

    assertThat(header.withSequenceNumber(9).sequenceNumber()).isEqualTo(9);
    assertThat(header.withTimestamp(9).timestamp()).isEqualTo(9);
    assertThat(header.withSsrc(9).ssrc()).isEqualTo(9);
    assertThat(header.withExtension(new HeaderExtension(1, Bytes.EMPTY)).extension()).isPresent();
    assertThat(header.withMarker(true)).isEqualTo(
        new RtpHeader(true, 96, 1, 2, 3, List.of(), Optional.empty()));
    assertThat(header.encodedSize()).isEqualTo(12);
    assertThat(header.withCsrcs(List.of(1L)).withExtension(new HeaderExtension(1, Bytes.fromHex("00000000")))
        .encodedSize()).isEqualTo(12 + 4 + 8);
  }

  @Test
  void demultiplexesRtcpFromRtpByPacketType() {
    byte[] rtp = Bytes.fromHex(SIMPLE).toByteArray(); // second byte 0xe0 = 224: RTP (M=1, PT 96)
    byte[] rr = Bytes.fromHex("80c9 0001 00000001").toByteArray(); // PT 201
    byte[] sr = Bytes.fromHex("80c8 0006").toByteArray();

    assertThat(Demultiplex.isRtcp(rtp, 0, rtp.length)).isFalse();
    assertThat(Demultiplex.isRtcp(rr, 0, rr.length)).isTrue();
    assertThat(Demultiplex.isRtcp(sr, 0, sr.length)).isTrue();
    assertThat(Demultiplex.isRtcp(rr, 0, 3)).isFalse();
    assertThat(Demultiplex.isRtcp(rr, 6, 4)).isFalse();
  }

  private static void assertRefused(String hex, String message) {
    assertThatThrownBy(() -> RtpPacket.decode(Bytes.fromHex(hex).toByteArray()))
        .isInstanceOf(RtpParseException.class)
        .hasMessageContaining(message);
  }
}
