package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What cannot be encoded cannot be built: each value checks its fields when made. */
class RtcpValuesTest {

  private static final ReportBlock BLOCK = new ReportBlock(1, 0, 0, 0, 0, 0, 0);

  @Test
  void countsAreFiveBits() throws RtpParseException {
    List<ReportBlock> blocks = Collections.nCopies(31, BLOCK);
    RtcpCompound full = RtcpCompound.of(ReceiverReport.of(1, blocks));

    assertThat(full.encodedSize()).isEqualTo(8 + 31 * 24);
    assertThat(RtcpCompound.decode(full.encode())).isEqualTo(full);
    List<ReportBlock> tooMany = new ArrayList<>(blocks);
    tooMany.add(BLOCK);
    assertThatThrownBy(() -> ReceiverReport.of(1, tooMany)).hasMessageContaining("at most 31 report blocks, got 32");
    assertThatThrownBy(() -> SenderReport.of(1, 0, 0, 0, 0, tooMany)).hasMessageContaining("at most 31");
    assertThatThrownBy(() -> new Goodbye(Collections.nCopies(32, 1L), Bytes.EMPTY)).hasMessageContaining("at most 31 sources");
    assertThatThrownBy(() -> new SourceDescription(Collections.nCopies(32, new SdesChunk(1, List.of()))))
        .hasMessageContaining("at most 31 SDES chunks");
  }

  @Test
  void reportBlockFields() {
    assertThatThrownBy(() -> new ReportBlock(1, 256, 0, 0, 0, 0, 0)).hasMessageContaining("fraction lost is a 8-bit");
    assertThatThrownBy(() -> new ReportBlock(1, 0, 1 << 23, 0, 0, 0, 0))
        .hasMessageContaining("signed 24-bit number, got 8388608");
    assertThatThrownBy(() -> new ReportBlock(1, 0, -(1 << 23) - 1, 0, 0, 0, 0)).hasMessageContaining("signed 24-bit");
    assertThatThrownBy(() -> new ReportBlock(1L << 32, 0, 0, 0, 0, 0, 0)).hasMessageContaining("SSRC of a report block");
    assertThatThrownBy(() -> new ReportBlock(1, 0, 0, 0, -1, 0, 0)).hasMessageContaining("interarrival jitter");
  }

  @Test
  void textFieldsAreAtMost255Bytes() {
    String long256 = "x".repeat(256);
    assertThatThrownBy(() -> SdesItem.cname(long256)).hasMessageContaining("at most 255 bytes, got 256");
    assertThatThrownBy(() -> Goodbye.of(1).withReason(long256)).hasMessageContaining("at most 255 bytes");
    assertThatThrownBy(() -> new SdesItem(0, Bytes.EMPTY)).hasMessageContaining("0 ends the list");
  }

  @Test
  void longestItemsRoundTrip() throws RtpParseException {
    String long255 = "y".repeat(255);
    RtcpCompound compound = RtcpCompound.of(SourceDescription.cname(7, long255), Goodbye.of(7).withReason(long255));

    RtcpCompound decoded = RtcpCompound.decode(compound.encode());
    assertThat(decoded).isEqualTo(compound);
    assertThat(decoded.packets(SourceDescription.class).get(0).chunks().get(0).cname()).contains(long255);
    assertThat(decoded.packets(Goodbye.class).get(0).reasonText()).isEqualTo(long255);
  }

  @Test
  void feedbackNeedsItsEntries() {
    assertThatThrownBy(() -> new FullIntraRequest(1, List.of())).hasMessageContaining("one or more FIR entries");
    assertThatThrownBy(() -> new FirEntry(1, 256)).hasMessageContaining("FIR command sequence number");
    assertThatThrownBy(() -> new NackPair(65536, 0)).hasMessageContaining("PID is a 16-bit");
    assertThatThrownBy(() -> new UnknownRtcpPacket(100, 0, Bytes.EMPTY)).hasMessageContaining("192-223");
    assertThatThrownBy(() -> new UnknownRtcpPacket(204, 0, Bytes.fromHex("01"))).hasMessageContaining("whole 32-bit words");
    assertThatThrownBy(() -> RtcpCompound.of()).hasMessageContaining("at least one packet");
  }

  @Test
  void packetTypesAndCounts() {
    assertThat(SenderReport.of(1, 0, 0, 0, 0, List.of(BLOCK)).packetType()).isEqualTo(RtcpPacket.SR);
    assertThat(ReceiverReport.of(1, List.of(BLOCK, BLOCK)).countOrFormat()).isEqualTo(2);
    assertThat(new PictureLossIndication(1, 2).countOrFormat()).isEqualTo(PictureLossIndication.FMT);
    assertThat(new FullIntraRequest(1, List.of(new FirEntry(2, 0))).countOrFormat()).isEqualTo(FullIntraRequest.FMT);
    assertThat(GenericNack.of(1, 2, List.of(5)).packetType()).isEqualTo(RtcpPacket.RTPFB);
    assertThat(Goodbye.of(1).packetType()).isEqualTo(RtcpPacket.BYE);
  }

  @Test
  void sequencerNumbersPacketsAndWraps() {
    RtpSequencer sequencer = new RtpSequencer(0xFFFFFFFFL, 127, 65535);

    RtpPacket first = sequencer.next(Bytes.fromHex("01"), false, 10);
    RtpPacket second = sequencer.next(Bytes.fromHex("02"), true, 10);
    assertThat(first.sequenceNumber()).isEqualTo(65535);
    assertThat(second.sequenceNumber()).isZero();
    assertThat(second.marker()).isTrue();
    assertThat(second.ssrc()).isEqualTo(0xFFFFFFFFL);
    assertThatThrownBy(() -> new RtpSequencer(1, 128, 0)).hasMessageContaining("payload type");
  }
}
