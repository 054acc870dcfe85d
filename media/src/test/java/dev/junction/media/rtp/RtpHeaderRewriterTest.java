package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fan-out path: per viewer, only SSRC, sequence number and timestamp change, in place, without allocating. */
class RtpHeaderRewriterTest {

  private static final RtpPacket SOURCE = RtpPacket.of(
      RtpHeader.of(96, 100, 90_000, 0x11111111L).withMarker(true).withCsrcs(List.of(7L))
          .withExtension(new HeaderExtension(0xBEDE, Bytes.fromHex("10ff0000"))),
      Bytes.fromHex("7c85 0102030405060708"));

  @Test
  void rewritesTheThreeFieldsAndNothingElse() throws RtpParseException {
    byte[] packet = SOURCE.encode();

    RtpHeaderRewriter.rewrite(packet, 0, packet.length, 0xFEDCBA98L, 65535, 0xFFFFFFFFL);

    RtpPacket rewritten = RtpPacket.decode(packet);
    assertThat(rewritten.ssrc()).isEqualTo(0xFEDCBA98L);
    assertThat(rewritten.sequenceNumber()).isEqualTo(65535);
    assertThat(rewritten.timestamp()).isEqualTo(0xFFFFFFFFL);
    assertThat(rewritten.header().withSsrc(SOURCE.ssrc()).withSequenceNumber(100).withTimestamp(90_000))
        .isEqualTo(SOURCE.header());
    assertThat(rewritten.payload()).isEqualTo(SOURCE.payload());
  }

  @Test
  void rewritesInsideALargerArrayAndABufferAtItsPosition() {
    byte[] encoded = SOURCE.encode();
    byte[] framed = new byte[encoded.length + 10];
    System.arraycopy(encoded, 0, framed, 5, encoded.length);

    RtpHeaderRewriter.rewrite(framed, 5, encoded.length, 1, 2, 3);

    assertThat(RtpHeaderRewriter.ssrc(framed, 5, encoded.length)).isEqualTo(1);
    assertThat(RtpHeaderRewriter.sequenceNumber(framed, 5, encoded.length)).isEqualTo(2);
    assertThat(RtpHeaderRewriter.timestamp(framed, 5, encoded.length)).isEqualTo(3);
    assertThat(RtpHeaderRewriter.marker(framed, 5, encoded.length)).isTrue();
    assertThat(RtpHeaderRewriter.payloadType(framed, 5, encoded.length)).isEqualTo(96);
    assertThat(framed[4]).isZero();

    ByteBuffer direct = ByteBuffer.allocateDirect(64);
    direct.position(7);
    direct.put(encoded).flip().position(7);
    RtpHeaderRewriter.rewrite(direct, 0xAAAAAAAAL, 4242, 0x80000000L);
    assertThat(direct.position()).isEqualTo(7);
    assertThat(direct.getShort(9) & 0xffff).isEqualTo(4242);
    assertThat(direct.getInt(11) & 0xFFFFFFFFL).isEqualTo(0x80000000L);
    assertThat(direct.getInt(15) & 0xFFFFFFFFL).isEqualTo(0xAAAAAAAAL);
  }

  @Test
  void markerAndPayloadTypeCanBeRewrittenAlone() {
    byte[] packet = SOURCE.encode();

    RtpHeaderRewriter.setMarker(packet, 0, packet.length, false);
    RtpHeaderRewriter.setPayloadType(packet, 0, packet.length, 102);

    assertThat(RtpHeaderRewriter.marker(packet, 0, packet.length)).isFalse();
    assertThat(RtpHeaderRewriter.payloadType(packet, 0, packet.length)).isEqualTo(102);
    RtpHeaderRewriter.setMarker(packet, 0, packet.length, true);
    assertThat(RtpHeaderRewriter.payloadType(packet, 0, packet.length)).isEqualTo(102);
  }

  @Test
  void refusesWhatIsNotRtp() {
    assertThatThrownBy(() -> RtpHeaderRewriter.rewrite(new byte[11], 0, 11, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 12 with V=2");
    assertThatThrownBy(() -> RtpHeaderRewriter.rewrite(new byte[12], 0, 12, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RtpHeaderRewriter.rewrite(new byte[12], 4, 12, 1, 1, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void theHotPathAllocatesNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    byte[] packet = SOURCE.encode();
    ByteBuffer buffer = ByteBuffer.allocateDirect(packet.length).put(packet).flip();
    long sink = 0;
    for (int i = 0; i < 200_000; i++) { // warm up: let the JIT compile the loop
      sink += rewriteBoth(packet, buffer, i);
    }

    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    for (int i = 0; i < 1_000_000; i++) {
      sink += rewriteBoth(packet, buffer, i);
    }
    long allocated = threads.getThreadAllocatedBytes(id) - before;

    assertThat(sink).isNotZero();
    // A million rewrites; a few hundred bytes is the measurement itself, one allocation per call would be megabytes.
    assertThat(allocated).as("bytes allocated by a million rewrites").isLessThan(1024);
  }

  private static long rewriteBoth(byte[] packet, ByteBuffer buffer, int i) {
    RtpHeaderRewriter.rewrite(packet, 0, packet.length, 0x12345678L, i & 0xFFFF, i * 3000L & 0xFFFFFFFFL);
    RtpHeaderRewriter.rewrite(buffer, 0x12345678L, i & 0xFFFF, i * 3000L & 0xFFFFFFFFL);
    return RtpHeaderRewriter.sequenceNumber(packet, 0, packet.length) + 1;
  }
}
