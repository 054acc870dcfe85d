package dev.junction.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The builder's contract: layout, zero padding, pooled buffers, limits. */
class EncoderTest {

  private static final TransactionId ID = TransactionId.fromHex("0102030405060708090a0b0c");

  @Test
  void theHeaderHasTypeLengthCookieAndId() {
    byte[] bytes = StunMessage.builder(MessageType.ALLOCATE_REQUEST, ID).add(RequestedTransport.UDP).encode();

    assertThat(Bytes.copyOf(bytes, 0, 20).hex()).isEqualTo("0003" + "0008" + "2112a442" + "0102030405060708090a0b0c");
  }

  /**
   * CVE-2020-4067 (pjnath) sent uninitialised buffer bytes as padding. Encoding into a reused,
   * dirty buffer must still write zeros.
   */
  @Test
  void paddingIsZeroEvenInADirtyPooledBuffer() {
    StunMessage.Builder builder = StunMessage.builder(MessageType.BINDING_REQUEST, ID)
        .add(new Username("abcde")) // 3 bytes of padding
        .add(new Data(Samples.bytes(1))) // 3 more
        .add(new EvenPort(true)); // 3 more
    ByteBuffer pooled = ByteBuffer.allocate(100);
    Arrays.fill(pooled.array(), (byte) 0xAA);
    pooled.position(13);

    int written = builder.encodeInto(pooled);

    assertThat(written).isEqualTo(builder.encodedLength());
    assertThat(pooled.position()).isEqualTo(13 + written);
    byte[] out = Arrays.copyOfRange(pooled.array(), 13, 13 + written);
    assertThat(out).isEqualTo(builder.encode());
    assertThat(Bytes.copyOf(out, 20, out.length - 20).hex()).isEqualTo(
        "00060005" + "6162636465" + "000000" + "00130001" + "01" + "000000" + "00180001" + "80" + "000000");
    assertThat(pooled.array()[13 + written]).as("nothing written past the message").isEqualTo((byte) 0xAA);
  }

  @Test
  void encodingIsBigEndianWhateverTheBufferOrderAndWorksInDirectBuffers() throws Exception {
    StunMessage.Builder builder = StunMessage.builder(MessageType.BINDING_SUCCESS, ID)
        .add(new XorMappedAddress(Rfc5769Test.address("192.0.2.1", 32853)))
        .messageIntegrity(Samples.KEY)
        .messageIntegritySha256(Samples.KEY)
        .fingerprint();
    ByteBuffer little = ByteBuffer.allocate(builder.encodedLength()).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer direct = ByteBuffer.allocateDirect(builder.encodedLength() + 5);
    direct.position(5);

    builder.encodeInto(little);
    builder.encodeInto(direct);

    assertThat(little.array()).isEqualTo(builder.encode());
    assertThat(little.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
    byte[] fromDirect = new byte[builder.encodedLength()];
    direct.position(5);
    direct.get(fromDirect);
    assertThat(fromDirect).isEqualTo(builder.encode());
    DecodedMessage decoded = StunDecoder.decode(fromDirect);
    assertThat(decoded.verifyMessageIntegrity(Samples.KEY)).isTrue();
    assertThat(decoded.verifyMessageIntegritySha256(Samples.KEY)).isTrue();
    assertThat(decoded.hasValidFingerprint()).isTrue();
  }

  @Test
  void aBufferTooSmallIsRefusedBeforeWriting() {
    StunMessage.Builder builder = StunMessage.builder(MessageType.BINDING_REQUEST, ID).fingerprint();
    ByteBuffer small = ByteBuffer.allocate(27);

    assertThatThrownBy(() -> builder.encodeInto(small))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("buffer has 27 bytes remaining, the message needs 28");
    assertThat(small.position()).isZero();
    assertThat(small.array()).containsOnly(0);
  }

  @Test
  void theBuilderComputesTheTrailersItself() {
    StunMessage.Builder builder = StunMessage.builder(MessageType.BINDING_REQUEST, ID);

    assertThatThrownBy(() -> builder.add(new MessageIntegrity(Bytes.of(new byte[20]))))
        .hasMessage("MESSAGE-INTEGRITY is computed when encoding: use messageIntegrity(key)");
    assertThatThrownBy(() -> builder.add(new MessageIntegritySha256(Bytes.of(new byte[32]))))
        .hasMessageContaining("use messageIntegritySha256(key)");
    assertThatThrownBy(() -> builder.add(new Fingerprint(0))).hasMessageContaining("use fingerprint()");
  }

  /** Trailers go last in the RFC's order, however the calls were ordered. */
  @Test
  void trailersFollowTheAttributesInTheirOrder() throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_REQUEST, ID)
        .fingerprint()
        .messageIntegritySha256(Samples.KEY)
        .messageIntegrity(Samples.KEY)
        .add(new Software("late"))
        .encode();

    assertThat(StunDecoder.decode(bytes).message().attributes())
        .extracting(StunAttribute::type)
        .containsExactly(Software.TYPE, MessageIntegrity.TYPE, MessageIntegritySha256.TYPE, Fingerprint.TYPE);
  }

  /** The length field is 16 bits and a multiple of 4: 65,532 bytes after the header at most. */
  @Test
  void aMessageFitsItsLengthField() {
    StunMessage.Builder full = StunMessage.builder(MessageType.SEND_INDICATION, ID)
        .add(new Data(Bytes.of(new byte[StunMessage.MAX_BODY_LENGTH - 4])));

    assertThat(full.encode()).hasSize(20 + 0xFFFC);
    assertThatThrownBy(full::fingerprint)
        .hasMessage("message length would be 65540 bytes, more than the 65532 a STUN message can carry");
    assertThat(full.encodedLength()).as("the refused fingerprint was not kept").isEqualTo(20 + 0xFFFC);
    assertThatThrownBy(() -> StunMessage.builder(MessageType.SEND_INDICATION, ID).add(new Data(Bytes.of(new byte[70_000]))))
        .hasMessage("attribute 0x0013 (DATA) value of 70000 bytes exceeds 65535");
  }

  @Test
  void aBuilderEncodesTheSameBytesEachTime() {
    StunMessage.Builder builder = StunMessage.builder(MessageType.BINDING_REQUEST, ID)
        .add(new Username("u"))
        .messageIntegrity(Samples.KEY);

    assertThat(builder.encode()).isEqualTo(builder.encode());
  }

  @Test
  void newBuilderKeepsTheAttributesAndDropsTheTrailers() throws Exception {
    StunMessage received = StunDecoder.decode(Samples.messages().get(2)).message();

    StunMessage rebuilt = StunDecoder.decode(received.newBuilder().encode()).message();

    assertThat(rebuilt.attributes()).containsExactlyElementsOf(received.attributes().stream()
        .filter(a -> !(a instanceof MessageIntegrity || a instanceof MessageIntegritySha256 || a instanceof Fingerprint))
        .toList());
  }

  @Test
  void textThatUtf8CannotCarryIsRefused() {
    assertThatThrownBy(() -> new Software("bad \ud800 surrogate"))
        .hasMessage("unpaired surrogate at index 4 cannot be encoded in UTF-8");
    assertThatThrownBy(() -> new Username("\u00e9".repeat(257)))
        .hasMessage("USERNAME must be at most 512 bytes of UTF-8, got 514");
  }

  @Test
  void randomTransactionIdsDiffer() {
    assertThat(TransactionId.random()).isNotEqualTo(TransactionId.random());
    assertThat(TransactionId.random().toByteArray()).hasSize(12);
  }
}
