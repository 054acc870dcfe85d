package dev.junction.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small immutable values: {@link Bytes}, {@link TransactionId}, the attribute records. */
class ValuesTest {

  @Test
  void bytesCopyWhatTheyAreGivenAndWhatTheyGiveOut() {
    byte[] source = {1, 2, 3};
    Bytes bytes = Bytes.of(source);
    source[0] = 9;
    bytes.toByteArray()[1] = 9;

    assertThat(bytes).isEqualTo(Samples.bytes(1, 2, 3));
  }

  @Test
  void aReadOnlyViewCannotWriteBack() {
    ByteBuffer view = Samples.bytes(1, 2, 3).asReadOnlyBuffer();

    assertThat(view.remaining()).isEqualTo(3);
    assertThatThrownBy(() -> view.put(0, (byte) 7)).isInstanceOf(ReadOnlyBufferException.class);
  }

  @Test
  void bytesCompareByContentWhereverTheyLive() throws Exception {
    byte[] message = TestVectors.RFC5769_REQUEST;
    Bytes software = StunDecoder.decode(message).message().first(Software.class).map(s -> Bytes.utf8(s.value())).orElseThrow();
    Bytes slice = Bytes.copyOf(message, 24, 16);

    assertThat(slice).isEqualTo(software).hasSameHashCodeAs(software);
    assertThat(slice.constantTimeEquals(software)).isTrue();
    assertThat(slice.constantTimeEquals(Bytes.utf8("STUN test clienT"))).isFalse();
    assertThat(slice.get(0)).isEqualTo((byte) 'S');
  }

  @Test
  void bytesPrintAsShortHex() {
    assertThat(Samples.bytes(0, 0xAB)).hasToString("[00ab]");
    assertThat(Bytes.of(new byte[40]).toString()).isEqualTo("[" + "00".repeat(32) + "…](40 bytes)");
    assertThat(Bytes.fromHex("00 ab\nCD")).isEqualTo(Samples.bytes(0, 0xAB, 0xCD));
    assertThatThrownBy(() -> Bytes.fromHex("abc")).hasMessage("odd number of hex digits: 3");
    assertThatThrownBy(() -> Bytes.fromHex("zz")).hasMessage("not a hex digit at 0: zz");
  }

  @Test
  void transactionIdsAreTwelveBytesComparedByValue() {
    TransactionId id = TransactionId.fromHex("b7e7a701bc34d686fa87dfae");

    assertThat(id).isEqualTo(TransactionId.of(id.toByteArray())).hasSameHashCodeAs(TransactionId.of(id.toByteArray()));
    assertThat(id).hasToString("b7e7a701bc34d686fa87dfae");
    assertThatThrownBy(() -> TransactionId.of(new byte[16])).hasMessage("a transaction id has 12 bytes, got 16");
  }

  @Test
  void recordsCopyTheirLists() {
    List<Integer> types = new java.util.ArrayList<>(List.of(1, 2));
    UnknownAttributes attribute = new UnknownAttributes(types);
    types.add(3);

    assertThat(attribute.types()).containsExactly(1, 2);
    assertThatThrownBy(() -> attribute.types().add(4)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void recordsRefuseValuesTheWireCannotCarry() {
    assertThatThrownBy(() -> new Lifetime(-1)).hasMessage("LIFETIME is 32 bits, got -1");
    assertThatThrownBy(() -> new Priority(1L << 32)).hasMessage("PRIORITY is 32 bits, got 4294967296");
    assertThatThrownBy(() -> new ChannelNumber(0x10000)).hasMessage("CHANNEL-NUMBER is 16 bits, got 65536");
    assertThatThrownBy(() -> new RequestedTransport(256)).hasMessage("REQUESTED-TRANSPORT protocol is 8 bits, got 256");
    assertThatThrownBy(() -> new UserHash(Bytes.of(new byte[31]))).hasMessage("USERHASH has 32 bytes, got 31");
    assertThatThrownBy(() -> new UnknownAttribute(0x10000, Bytes.EMPTY)).hasMessage("attribute type is 16 bits, got 65536");
  }

  @Test
  void channelNumbersAreValidIn0x4000To0x4FFF() {
    assertThat(new ChannelNumber(0x4000).isValidChannel()).isTrue();
    assertThat(new ChannelNumber(0x4FFF).isValidChannel()).isTrue();
    assertThat(new ChannelNumber(0x3FFF).isValidChannel()).isFalse();
    assertThat(new ChannelNumber(0x5000).isValidChannel()).isFalse();
  }
}
