package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.media.rtp.RtpPacket;
import dev.junction.media.rtp.RtpSequencer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6184 payload layouts: single NAL unit (§5.6), STAP-A (§5.7.1, Figure 7), FU-A (§5.8, Figure 14). */
class H264PacketizerTest {

  private static final NalUnit SPS = NalUnit.fromHex("6742c01fd900a02ff9");
  private static final NalUnit PPS = NalUnit.fromHex("68cb83cb20");

  @Test
  void aLoneNalUnitIsItsOwnPayload() {
    NalUnit slice = NalUnit.fromHex("4188112233");

    assertThat(new H264Packetizer().packetize(AccessUnit.of(slice))).containsExactly(slice.bytes());
  }

  @Test
  void spsAndPpsTravelTogetherInOneStapA() {
    NalUnit idr = nal(0x65, 2000);
    List<Bytes> payloads = new H264Packetizer().packetize(AccessUnit.of(SPS, PPS, idr));

    // STAP-A NAL HDR: F=0, NRI=3 (the larger of 3 and 3), type 24 = 0x78;
    // then NALU 1 size 0x0009, NALU 1; NALU 2 size 0x0005, NALU 2.
    assertThat(payloads.get(0)).isEqualTo(Bytes.fromHex("78 0009 6742c01fd900a02ff9 0005 68cb83cb20"));
    assertThat(payloads).hasSize(1 + 2);
  }

  @Test
  void stapAHeaderTakesTheLargestNriAndAnySetF() {
    NalUnit sei = NalUnit.fromHex("0605ff"); // NRI 0
    NalUnit nonReference = NalUnit.fromHex("0188"); // NRI 0, slice
    NalUnit flagged = NalUnit.fromHex("c188"); // F=1, NRI 2

    assertThat(new H264Packetizer().packetize(AccessUnit.of(sei, nonReference)))
        .containsExactly(Bytes.fromHex("18 0003 0605ff 0002 0188"));
    assertThat(new H264Packetizer().packetize(AccessUnit.of(sei, flagged)))
        .containsExactly(Bytes.fromHex("d8 0003 0605ff 0002 c188"));
  }

  @Test
  void aggregatesWhileTheBudgetAllows() {
    NalUnit a = nal(0x41, 10);
    NalUnit b = nal(0x41, 10);
    NalUnit c = nal(0x41, 10);
    // 1 + (2 + 10) + (2 + 10) = 25: two fit a budget of 25, the third goes alone.
    List<Bytes> payloads = new H264Packetizer(25).packetize(AccessUnit.of(a, b, c));

    assertThat(payloads).hasSize(2);
    assertThat(payloads.get(0).size()).isEqualTo(25);
    assertThat(payloads.get(1)).isEqualTo(c.bytes());
  }

  @Test
  void fuAFragmentsCarryTheNalHeaderInIndicatorAndHeader() {
    NalUnit idr = nal(0x65, 1 + 2500); // header 0x65: F=0 NRI=3 type 5
    List<Bytes> payloads = new H264Packetizer(1200).packetize(AccessUnit.of(idr));

    // 2500 bytes after the header, 1198 per fragment: 1198 + 1198 + 104.
    assertThat(payloads).extracting(Bytes::size).containsExactly(1200, 1200, 106);
    // FU indicator: F, NRI of the NAL unit, type 28 = 0x7c. FU header: S|E|R|type 5.
    assertThat(payloads).extracting(p -> p.getUnsigned(0)).containsOnly(0x7c);
    assertThat(payloads).extracting(p -> p.getUnsigned(1)).containsExactly(0x85, 0x05, 0x45);
    // The NAL unit's own header byte is not sent; the fragments carry the rest in order.
    assertThat(payloads.get(0).slice(2)).isEqualTo(idr.bytes().slice(1, 1199));
    assertThat(payloads.get(2).slice(2)).isEqualTo(idr.bytes().slice(2397));
  }

  @Test
  void aNalUnitOfExactlyTheBudgetIsNotFragmented() {
    assertThat(new H264Packetizer(100).packetize(AccessUnit.of(nal(0x41, 100)))).hasSize(1);
    List<Bytes> fragments = new H264Packetizer(100).packetize(AccessUnit.of(nal(0x41, 101)));
    // 100 bytes after the header, 98 per fragment: never S and E in one FU.
    assertThat(fragments).extracting(Bytes::size).containsExactly(100, 4);
    assertThat(fragments).extracting(p -> p.getUnsigned(1)).containsExactly(0x81, 0x41);
  }

  @Test
  void theSmallestBudgetStillWorks() {
    List<Bytes> fragments = new H264Packetizer(3).packetize(AccessUnit.of(NalUnit.fromHex("41aabbcc")));

    assertThat(fragments).containsExactly(
        Bytes.fromHex("5c81aa"), Bytes.fromHex("5c01bb"), Bytes.fromHex("5c41cc"));
    assertThatThrownBy(() -> new H264Packetizer(2)).hasMessageContaining("payload budget 2 < 3");
  }

  @Test
  void rtpOnlyTypesAreLeftOut() {
    NalUnit slice = NalUnit.fromHex("4188");
    assertThat(new H264Packetizer().packetize(AccessUnit.of(NalUnit.fromHex("7800"), slice, NalUnit.fromHex("00ff"))))
        .containsExactly(slice.bytes());
  }

  @Test
  void markerOnTheLastPacketOfTheAccessUnitOnly() {
    RtpSequencer sequencer = new RtpSequencer(0x1234, 96, 65534);
    List<RtpPacket> packets = new H264Packetizer(1200)
        .packetize(AccessUnit.of(SPS, PPS, nal(0x65, 3000)), 0xFFFFF000L, sequencer);

    assertThat(packets).extracting(RtpPacket::marker).containsExactly(false, false, false, true);
    assertThat(packets).extracting(RtpPacket::sequenceNumber).containsExactly(65534, 65535, 0, 1);
    assertThat(packets).extracting(RtpPacket::timestamp).containsOnly(0xFFFFF000L);
    assertThat(packets).extracting(RtpPacket::ssrc).containsOnly(0x1234L);
    assertThat(packets).extracting(RtpPacket::payloadType).containsOnly(96);
    assertThat(sequencer.nextSequenceNumber()).isEqualTo(2);
  }

  static NalUnit nal(int header, int size) {
    Bytes.Builder out = Bytes.builder(size).writeByte(header);
    for (int i = 1; i < size; i++) {
      out.writeByte(i * 7 + 1);
    }
    return new NalUnit(out.build());
  }
}
