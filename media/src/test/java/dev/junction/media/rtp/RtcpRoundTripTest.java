package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each RTCP packet type against its RFC layout, byte for byte, and back. */
class RtcpRoundTripTest {

  private static final ReportBlock BLOCK = new ReportBlock(0xBC5E9A40L, 0x10, -2, 0x000146E1L, 273, 0x09F36432L, 150137);
  // SSRC | fraction 0x10, cumulative -2 as 24 bits | ext. highest seq | jitter | LSR | DLSR
  private static final String BLOCK_HEX = "bc5e9a40 10fffffe 000146e1 00000111 09f36432 00024a79";

  @Test
  void senderReportWithOneBlock() throws RtpParseException {
    SenderReport sr = SenderReport.of(0x902F9E2EL, 0xDA8BD1FC_DDDDA05AL, 0xAAF4EDD5L, 1, 2, List.of(BLOCK));
    // V=2 P=0 RC=1, PT=200, length 12 words - 1 = 12 → (4 + 24 + 24) / 4 - 1 = 12
    String hex = "81c8 000c 902f9e2e da8bd1fc dddda05a aaf4edd5 00000001 00000002 " + BLOCK_HEX;

    assertRoundTrip(sr, hex);
  }

  @Test
  void senderReportKeepsProfileExtensions() throws RtpParseException {
    SenderReport sr = new SenderReport(1, 2, 3, 4, 5, List.of(), Bytes.fromHex("deadbeef"));
    assertRoundTrip(sr, "80c8 0007 00000001 0000000000000002 00000003 00000004 00000005 deadbeef");
  }

  @Test
  void receiverReportWithAndWithoutBlocks() throws RtpParseException {
    assertRoundTrip(ReceiverReport.of(0x902F9E2EL, List.of(BLOCK)), "81c9 0007 902f9e2e " + BLOCK_HEX);
    // A receiver that has received nothing sends an empty RR (RFC 3550 §6.4.2).
    assertRoundTrip(ReceiverReport.of(1, List.of()), "80c9 0001 00000001");
  }

  @Test
  void cumulativeLostIsSigned24Bits() throws RtpParseException {
    ReportBlock most = new ReportBlock(1, 255, 0x7FFFFF, 0, 0, 0, 0);
    ReportBlock least = new ReportBlock(1, 0, -0x800000, 0, 0, 0, 0);
    RtcpCompound decoded = RtcpCompound.decode(RtcpCompound.of(ReceiverReport.of(2, List.of(most, least))).encode());

    assertThat(decoded.packets(ReceiverReport.class).get(0).reports()).containsExactly(most, least);
  }

  @Test
  void sourceDescriptionCnameIsPaddedWithNullOctets() throws RtpParseException {
    // CNAME "abc": SSRC | 01 03 'a' 'b' 'c' | 00 (end) | 00 00 padding to the word → 12 bytes of chunk
    assertRoundTrip(SourceDescription.cname(0x12345678L, "abc"), "81ca 0003 12345678 0103616263 00 0000");
    // CNAME "abcd": 4 + 2 + 4 = 10, plus the end octet = 11, one octet of padding
    assertRoundTrip(SourceDescription.cname(1, "abcd"), "81ca 0003 00000001 010461626364 00 00");
    // CNAME "ab": 4 + 2 + 2 = 8 is aligned, so a whole word of null octets ends it
    assertRoundTrip(SourceDescription.cname(1, "ab"), "81ca 0003 00000001 01026162 00000000");
  }

  @Test
  void sourceDescriptionWithSeveralChunksAndItems() throws RtpParseException {
    SourceDescription sdes = new SourceDescription(List.of(
        new SdesChunk(1, List.of(SdesItem.cname("x"), new SdesItem(SdesItem.TOOL, Bytes.utf8("junction")))),
        new SdesChunk(2, List.of())));
    String hex = "82ca 0007 00000001 010178 06086a756e6374696f6e 00 0000 00000002 00000000";

    assertRoundTrip(sdes, hex);
    assertThat(sdes.chunks().get(0).cname()).contains("x");
    assertThat(sdes.chunks().get(1).cname()).isEmpty();
  }

  @Test
  void goodbyeWithAndWithoutReason() throws RtpParseException {
    assertRoundTrip(Goodbye.of(0x902F9E2EL), "81cb 0001 902f9e2e");
    Goodbye withReason = new Goodbye(List.of(1L, 2L), Bytes.EMPTY).withReason("bye");
    // reason: length 3, "bye" → 4 bytes, already aligned
    assertRoundTrip(withReason, "82cb 0003 00000001 00000002 03627965");
    assertThat(withReason.reasonText()).isEqualTo("bye");
    // reason "ok": 1 + 2 = 3 bytes, one null octet of padding
    assertRoundTrip(Goodbye.of(1).withReason("ok"), "81cb 0002 00000001 026f6b00");
  }

  @Test
  void genericNack() throws RtpParseException {
    GenericNack nack = new GenericNack(0x902F9E2EL, 0x902F9E2EL, List.of(new NackPair(0xAAAA, 0x5555)));
    // V=2 P=0 FMT=1, PT=205, length 3
    assertRoundTrip(nack, "81cd 0003 902f9e2e 902f9e2e aaaa5555");
  }

  @Test
  void pictureLossIndication() throws RtpParseException {
    // V=2 P=0 FMT=1, PT=206, length 2 (RFC 4585 §6.3.1: "the length field MUST be 2")
    assertRoundTrip(new PictureLossIndication(0x902F9E2EL, 0x4BC4FCB4L), "81ce 0002 902f9e2e 4bc4fcb4");
  }

  @Test
  void fullIntraRequest() throws RtpParseException {
    FullIntraRequest fir = new FullIntraRequest(0x01, List.of(new FirEntry(0x4BC4FCB4L, 7), new FirEntry(2, 255)));
    // V=2 P=0 FMT=4, PT=206, length 6; media SSRC 0; entries SSRC | seq nr, 24 reserved bits
    assertRoundTrip(fir, "84ce 0006 00000001 00000000 4bc4fcb4 07000000 00000002 ff000000");
  }

  @Test
  void firIgnoresTheMediaSsrcAndReservedBitsOnReception() throws RtpParseException {
    RtcpCompound decoded = RtcpCompound.decode(
        Bytes.fromHex("84ce 0004 00000001 12345678 4bc4fcb4 07abcdef").toByteArray());

    assertThat(decoded.packets()).containsExactly(new FullIntraRequest(1, List.of(new FirEntry(0x4BC4FCB4L, 7))));
  }

  @Test
  void rembAndOtherTypesStayOpaqueAndReEncodeVerbatim() throws RtpParseException {
    // REMB (PSFB FMT=15): sender, media 0, "REMB", 1 SSRC, exp 3 mantissa 0x3F0FA, SSRC
    String remb = "8fce 0005 00000001 00000000 52454d42 010ff0fa 12345678";
    // APP (204) with subtype 1, name "TEST", 4 bytes of data
    String app = "81cc 0003 00000001 54455354 01020304";
    // transport-wide CC feedback (RTPFB FMT=15), body opaque
    String twcc = "8fcd 0004 00000001 00000002 00010002 20010000";
    RtcpCompound decoded = RtcpCompound.decode(Bytes.fromHex(remb + app + twcc).toByteArray());

    assertThat(decoded.packets()).containsExactly(
        new UnknownRtcpPacket(206, 15, Bytes.fromHex("00000001 00000000 52454d42 010ff0fa 12345678")),
        new UnknownRtcpPacket(204, 1, Bytes.fromHex("00000001 54455354 01020304")),
        new UnknownRtcpPacket(205, 15, Bytes.fromHex("00000001 00000002 00010002 20010000")));
    assertThat(Bytes.of(decoded.encode())).isEqualTo(Bytes.fromHex(remb + app + twcc));
  }

  @Test
  void compoundOfSenderReportSdesAndBye() throws RtpParseException {
    RtcpCompound compound = RtcpCompound.of(
        SenderReport.of(1, 2, 3, 4, 5, List.of(BLOCK)),
        SourceDescription.cname(1, "junction"),
        Goodbye.of(1));
    byte[] wire = compound.encode();

    assertThat(wire.length).isEqualTo(compound.encodedSize()).isEqualTo(52 + 20 + 8);
    assertThat(RtcpCompound.decode(wire)).isEqualTo(compound);
    assertThat(RtcpCompound.decode(wire).packets(SourceDescription.class).get(0).chunks().get(0).cname())
        .contains("junction");
  }

  @Test
  void paddingOnTheLastPacketIsStripped() throws RtpParseException {
    // RR, then PLI with P set: length 3 covers the 8 SSRC bytes and 4 bytes of padding (count 4)
    RtcpCompound decoded = RtcpCompound.decode(
        Bytes.fromHex("80c9 0001 00000001 a1ce 0003 00000001 00000002 00000004").toByteArray());

    assertThat(decoded.packets()).containsExactly(ReceiverReport.of(1, List.of()), new PictureLossIndication(1, 2));
  }

  private static void assertRoundTrip(RtcpPacket packet, String hex) throws RtpParseException {
    Bytes expected = Bytes.fromHex(hex);
    RtcpCompound compound = RtcpCompound.of(packet);

    assertThat(packet.encodedSize()).isEqualTo(expected.size());
    assertThat(Bytes.of(compound.encode())).isEqualTo(expected);
    assertThat(RtcpCompound.decode(expected.toByteArray()).packets()).containsExactly(packet);
  }
}
