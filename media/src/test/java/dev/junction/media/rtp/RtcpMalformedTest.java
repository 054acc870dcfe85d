package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Every rule RtcpCompound enforces, each refused with a message that names it. */
class RtcpMalformedTest {

  @Test
  void compoundRules() {
    assertRefused("", "empty datagram");
    assertRefused("80c9 0001 00000001 8000", "2 bytes after packet 1: the lengths of the RTCP packets must add up");
    assertRefused("40c9 0001 00000001", "version 1, RFC 3550 §6.4.1 requires 2");
    assertRefused("8060 0001 00000001", "PT 96: RTCP packet types are 192-223");
    assertRefused("80e0 0000", "PT 224");
    assertRefused("80c9 0002 00000001", "says 12 bytes, 8 are left");
  }

  @Test
  void paddingRules() {
    assertRefused("a0c9 0002 00000001 00000004 80c9 0001 00000001", "only the last packet of a compound may be padded");
    assertRefused("a0c9 0000", "padding count 0 must be 1 to the 0 bytes");
    assertRefused("a0c9 0001 00000000", "padding count 0 must be 1 to the 4 bytes");
    assertRefused("a0c9 0001 00000008", "padding count 8 must be 1 to the 4 bytes");
    assertRefused("a0c9 0002 00000001 00000002", "padding count 2 leaves control information that is not whole");
  }

  @Test
  void reportRules() {
    assertRefused("81c9 0001 00000001", "RR report block 1 of RC=1 needs 24 bytes, 0 left");
    assertRefused("81c8 0006 00000001 0000000000000002 00000003 00000004 00000005", "SR report block 1 of RC=1");
    assertRefused("80c8 0005 00000001 0000000000000002 00000003 00000004", "sender's octet count needs 4 bytes");
  }

  @Test
  void sdesRules() {
    assertRefused("81ca 0002 00000001 01036162", "SDES item of type 1 needs 3 bytes, 2 left");
    assertRefused("81ca 0002 00000001 01026162", "SDES item type (the list must end with a null octet)");
    assertRefused("81ca 0003 00000001 01026162 00000001", "SDES chunk padding must be null octets");
    assertRefused("81ca 0003 00000001 00000000 00000002", "4 bytes follow the SC=1 SDES chunks");
    assertRefused("82ca 0002 00000001 00000000", "SDES chunk SSRC/CSRC needs 4 bytes");
  }

  @Test
  void byeRules() {
    assertRefused("82cb 0001 00000001", "BYE SSRC/CSRC 2 of SC=2 needs 4 bytes");
    assertRefused("81cb 0002 00000001 05626965", "BYE reason for leaving needs 5 bytes, 3 left");
    assertRefused("81cb 0002 00000001 01620001", "BYE reason padding must be null octets");
    assertRefused("81cb 0003 00000001 00000000 00000000", "7 bytes follow the BYE reason");
  }

  @Test
  void feedbackRules() {
    assertRefused("81cd 0001 00000001", "lacks the two SSRCs of RFC 4585 §6.1");
    assertRefused("8fce 0001 00000001", "feedback packet (PT 206, FMT 15)");
    assertRefused("81ce 0003 00000001 00000002 00000000", "PLI with 4 bytes of FCI: RFC 4585 §6.3.1 says the length MUST be 2");
    assertRefused("84ce 0002 00000001 00000000", "FIR FCI of 0 bytes: RFC 5104 §4.3.1 wants one or more 8-byte FIR entries");
    assertRefused("84ce 0003 00000001 00000000 00000002", "FIR FCI of 4 bytes");
  }

  private static void assertRefused(String hex, String message) {
    assertThatThrownBy(() -> RtcpCompound.decode(Bytes.fromHex(hex).toByteArray()))
        .isInstanceOf(RtpParseException.class)
        .hasMessageContaining(message);
  }
}
