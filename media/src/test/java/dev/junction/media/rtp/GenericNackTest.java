package dev.junction.media.rtp;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * RFC 4585 §6.2.1: "bit i of the bit mask is set to 1 if the receiver has not received RTP packet
 * number (PID+i) (modulo 2^16)", the least significant bit being bit 1.
 */
class GenericNackTest {

  @Test
  void pidAloneMeansOnePacket() {
    assertThat(new NackPair(100, 0).lostSequenceNumbers()).containsExactly(100);
  }

  @Test
  void leastSignificantBitIsThePacketAfterPid() {
    assertThat(new NackPair(100, 0b1).lostSequenceNumbers()).containsExactly(100, 101);
    assertThat(new NackPair(100, 0b101).lostSequenceNumbers()).containsExactly(100, 101, 103);
    assertThat(new NackPair(100, 0x8000).lostSequenceNumbers()).containsExactly(100, 116);
  }

  @Test
  void allSixteenBits() {
    assertThat(new NackPair(1000, 0xFFFF).lostSequenceNumbers())
        .containsExactlyElementsOf(IntStream.rangeClosed(1000, 1016).boxed().toList());
  }

  @Test
  void expansionWrapsAt65536() {
    assertThat(new NackPair(65535, 0b11).lostSequenceNumbers()).containsExactly(65535, 0, 1);
    assertThat(new NackPair(65530, 0x8000).lostSequenceNumbers()).containsExactly(65530, 10);
  }

  @Test
  void severalPairsExpandInOrder() {
    GenericNack nack = new GenericNack(1, 2, List.of(new NackPair(10, 0b10), new NackPair(40, 0)));
    assertThat(nack.lostSequenceNumbers()).containsExactly(10, 12, 40);
  }

  @Test
  void compressesALossListIntoPairs() {
    GenericNack nack = GenericNack.of(1, 2, List.of(1, 2, 3, 17, 18, 40));

    // 1 is the PID; 2, 3 and 17 are 1, 2 and 16 after it; 18 is 17 after, so it starts a new pair.
    assertThat(nack.pairs()).containsExactly(new NackPair(1, 0b1000_0000_0000_0011), new NackPair(18, 0),
        new NackPair(40, 0));
    assertThat(nack.lostSequenceNumbers()).containsExactly(1, 2, 3, 17, 18, 40);
  }

  @Test
  void compressesAcrossTheWrapAndIgnoresRepeats() {
    GenericNack nack = GenericNack.of(1, 2, List.of(65534, 65535, 65535, 0, 5));

    assertThat(nack.pairs()).containsExactly(new NackPair(65534, 0b100_0011));
    assertThat(nack.lostSequenceNumbers()).containsExactly(65534, 65535, 0, 5);
  }

  @Test
  void anEmptyNackCannotBeBuiltOrDecoded() {
    assertThatThrownBy(() -> GenericNack.of(1, 2, List.of())).hasMessageContaining("at least one PID/BLP pair");
    assertThatThrownBy(() -> RtcpCompound.decode(Bytes.fromHex("81cd 0002 00000001 00000002").toByteArray()))
        .isInstanceOf(RtpParseException.class)
        .hasMessageContaining("Generic NACK FCI of 0 bytes");
  }
}
