package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.media.rtp.RtpHeader;
import dev.junction.media.rtp.RtpPacket;
import dev.junction.media.rtp.RtpSequencer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reassembly, loss detection and malformed payloads. */
class H264DepacketizerTest {

  private static final NalUnit SPS = NalUnit.fromHex("6742c01fd900a02ff9");
  private static final NalUnit PPS = NalUnit.fromHex("68cb83cb20");
  private static final NalUnit IDR = H264PacketizerTest.nal(0x65, 3000); // 3 FU-A fragments at 1200
  private static final NalUnit P1 = H264PacketizerTest.nal(0x41, 300);
  private static final NalUnit P2 = H264PacketizerTest.nal(0x41, 400);

  private final H264Packetizer packetizer = new H264Packetizer();
  private final RtpSequencer sequencer = new RtpSequencer(1, 96, 100);
  private final H264Depacketizer depacketizer = new H264Depacketizer();

  @Test
  void reassemblesStapAAndFuA() throws H264ParseException {
    List<RtpPacket> packets = packetizer.packetize(AccessUnit.of(SPS, PPS, IDR), 3600, sequencer);

    assertThat(pushAll(packets)).containsExactly(
        new DepacketizedAccessUnit(3600, AccessUnit.of(SPS, PPS, IDR), true));
  }

  @Test
  void aLostMiddleFragmentDropsTheNalUnitAndFlagsTheAccessUnit() throws H264ParseException {
    List<RtpPacket> idr = new ArrayList<>(packetizer.packetize(AccessUnit.of(SPS, PPS, IDR), 0, sequencer));
    idr.remove(2); // STAP-A, FU start, [FU middle], FU end
    List<RtpPacket> next = packetizer.packetize(AccessUnit.of(P1), 3600, sequencer);

    List<DepacketizedAccessUnit> out = pushAll(idr);
    out.addAll(pushAll(next));

    assertThat(out).containsExactly(
        new DepacketizedAccessUnit(0, AccessUnit.of(SPS, PPS), false),
        new DepacketizedAccessUnit(3600, AccessUnit.of(P1), true));
    assertThat(depacketizer.lostPackets()).isEqualTo(1);
    assertThat(depacketizer.droppedNalUnits()).isEqualTo(1);
  }

  @Test
  void aLostStartFragmentDropsTheRestOfTheNalUnit() throws H264ParseException {
    List<RtpPacket> idr = new ArrayList<>(packetizer.packetize(AccessUnit.of(P1, IDR), 0, sequencer));
    idr.remove(1); // [P1 alone], [FU start], FU middle, FU end

    assertThat(pushAll(idr)).containsExactly(new DepacketizedAccessUnit(0, AccessUnit.of(P1), false));
    assertThat(depacketizer.droppedNalUnits()).isEqualTo(1);
  }

  @Test
  void aLostMarkerPacketEndsTheAccessUnitWhenTheTimestampChanges() throws H264ParseException {
    List<RtpPacket> first = packetizer.packetize(AccessUnit.of(P1, IDR), 0, sequencer); // P1, FU start, middle, [end]
    List<RtpPacket> kept = first.subList(0, first.size() - 1);
    List<RtpPacket> second = packetizer.packetize(AccessUnit.of(P2), 3600, sequencer);

    List<DepacketizedAccessUnit> out = pushAll(kept);
    assertThat(out).isEmpty();
    out.addAll(pushAll(second));

    assertThat(out).containsExactly(
        new DepacketizedAccessUnit(0, AccessUnit.of(P1), false),
        new DepacketizedAccessUnit(3600, AccessUnit.of(P2), true));
    assertThat(depacketizer.lostPackets()).isEqualTo(1);
    assertThat(depacketizer.droppedNalUnits()).as("the IDR without its last fragment").isEqualTo(1);
  }

  @Test
  void twoLostAcrossABoundaryFlagBothAccessUnits() throws H264ParseException {
    List<RtpPacket> first = new ArrayList<>(packetizer.packetize(AccessUnit.of(P1, IDR), 0, sequencer));
    List<RtpPacket> second = new ArrayList<>(packetizer.packetize(AccessUnit.of(P2, IDR), 3600, sequencer));
    first.remove(first.size() - 1); // the marker packet of the first
    second.remove(0); // and the first packet of the second

    List<DepacketizedAccessUnit> out = pushAll(first);
    out.addAll(pushAll(second));

    assertThat(out).containsExactly(
        new DepacketizedAccessUnit(0, AccessUnit.of(P1), false),
        new DepacketizedAccessUnit(3600, AccessUnit.of(IDR), false));
    assertThat(depacketizer.lostPackets()).isEqualTo(2);
  }

  @Test
  void lossIsCountedAcrossTheSequenceWrap() throws H264ParseException {
    depacketizer.push(packet(65534, 7, false, P1.bytes()));
    List<DepacketizedAccessUnit> out = depacketizer.push(packet(0, 7, true, P2.bytes())); // 65535 lost

    assertThat(out).containsExactly(new DepacketizedAccessUnit(7, AccessUnit.of(P1, P2), false));
    assertThat(depacketizer.lostPackets()).isEqualTo(1);
    assertThat(depacketizer.push(packet(1, 8, true, P1.bytes())))
        .containsExactly(new DepacketizedAccessUnit(8, AccessUnit.of(P1), true));
  }

  @Test
  void latePacketsAndDuplicatesAreDropped() throws H264ParseException {
    List<RtpPacket> packets = packetizer.packetize(AccessUnit.of(SPS, PPS, IDR), 0, sequencer);
    List<DepacketizedAccessUnit> out = new ArrayList<>();
    out.addAll(depacketizer.push(packets.get(0)));
    out.addAll(depacketizer.push(packets.get(0)));
    out.addAll(depacketizer.push(packets.get(1)));
    out.addAll(depacketizer.push(packets.get(0)));
    out.addAll(depacketizer.push(packets.get(2)));
    out.addAll(depacketizer.push(packets.get(3)));

    assertThat(out).containsExactly(new DepacketizedAccessUnit(0, AccessUnit.of(SPS, PPS, IDR), true));
    assertThat(depacketizer.latePackets()).isEqualTo(2);
  }

  @Test
  void flushReturnsAnAccessUnitThatNeverGotItsMarker() throws H264ParseException {
    depacketizer.push(packet(100, 0, false, P1.bytes()));

    assertThat(depacketizer.flush()).containsExactly(new DepacketizedAccessUnit(0, AccessUnit.of(P1), true));
    assertThat(depacketizer.flush()).isEmpty();
  }

  @Test
  void malformedPayloadsNameTheRule() {
    assertRefused(Bytes.EMPTY, "empty RTP payload");
    assertRefused(Bytes.fromHex("7c"), "FU-A of 1 byte lacks its FU header");
    assertRefused(Bytes.fromHex("7cc5aa"), "FU-A with both S and E set: RFC 6184 §5.8 forbids");
    assertRefused(Bytes.fromHex("7c98aa"), "FU-A carries NAL unit type 24");
    assertRefused(Bytes.fromHex("78"), "STAP-A without NAL units");
    assertRefused(Bytes.fromHex("78 0002 4188 00"), "STAP-A ends with 1 byte where a 16-bit NALU size belongs");
    assertRefused(Bytes.fromHex("78 0003 4188"), "STAP-A NALU size 3 exceeds the 2 bytes left");
    assertRefused(Bytes.fromHex("78 0000"), "STAP-A NALU size 0");
    assertRefused(Bytes.fromHex("79 0000 0000"), "payload type 25 (STAP_B) is for the interleaved mode");
    assertRefused(Bytes.fromHex("7d 0000"), "payload type 29 (FU_B)");
    assertRefused(Bytes.fromHex("60"), "NAL unit type 0 is reserved");
    assertRefused(Bytes.fromHex("7f"), "NAL unit type 31 is reserved");
  }

  @Test
  void staysUsableAfterAMalformedPacket() throws H264ParseException {
    depacketizer.push(packet(1, 0, false, Bytes.fromHex("7c8501")));
    assertThatThrownBy(() -> depacketizer.push(packet(2, 0, false, Bytes.fromHex("78 0009 41"))))
        .isInstanceOf(H264ParseException.class);
    List<DepacketizedAccessUnit> out = depacketizer.push(packet(3, 0, true, P1.bytes()));

    assertThat(out).containsExactly(new DepacketizedAccessUnit(0, AccessUnit.of(P1), false));
    assertThat(depacketizer.droppedNalUnits()).isEqualTo(1);
  }

  private List<DepacketizedAccessUnit> pushAll(List<RtpPacket> packets) throws H264ParseException {
    List<DepacketizedAccessUnit> out = new ArrayList<>();
    for (RtpPacket packet : packets) {
      out.addAll(depacketizer.push(packet));
    }
    return out;
  }

  private void assertRefused(Bytes payload, String message) {
    assertThatThrownBy(() -> new H264Depacketizer().push(packet(1, 0, true, payload)))
        .isInstanceOf(H264ParseException.class)
        .hasMessageContaining(message);
  }

  private static RtpPacket packet(int sequenceNumber, long timestamp, boolean marker, Bytes payload) {
    return RtpPacket.of(RtpHeader.of(96, sequenceNumber, timestamp, 1).withMarker(marker), payload);
  }
}
