package dev.junction.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8489 §5: the message type interleaves a 12-bit method with a 2-bit class. */
class MessageTypeTest {

  /** Values from RFC 8489 §5 and RFC 8656, as coturn and pion write them. */
  @ParameterizedTest(name = "{0} {1} = 0x{2}")
  @CsvSource({
    "0x001, REQUEST,          0001",
    "0x001, INDICATION,       0011",
    "0x001, SUCCESS_RESPONSE, 0101",
    "0x001, ERROR_RESPONSE,   0111",
    "0x003, REQUEST,          0003",
    "0x003, SUCCESS_RESPONSE, 0103",
    "0x003, ERROR_RESPONSE,   0113",
    "0x004, REQUEST,          0004",
    "0x004, SUCCESS_RESPONSE, 0104",
    "0x006, INDICATION,       0016",
    "0x007, INDICATION,       0017",
    "0x008, REQUEST,          0008",
    "0x008, ERROR_RESPONSE,   0118",
    "0x009, REQUEST,          0009",
    "0x009, SUCCESS_RESPONSE, 0109",
    "0xFFF, ERROR_RESPONSE,   3FFF",
    "0x080, REQUEST,          0200",
  })
  void methodAndClassInterleave(String method, MessageClass messageClass, String wire) {
    MessageType type = MessageType.of(new Method(Integer.decode(method)), messageClass);

    assertThat(type.toWire()).isEqualTo(Integer.parseInt(wire, 16));
    assertThat(MessageType.fromWire(Integer.parseInt(wire, 16))).isEqualTo(type);
  }

  @Test
  void everyFourteenBitValueIsOneTypeAndBack() {
    for (int wire = 0; wire < 0x4000; wire++) {
      assertThat(MessageType.fromWire(wire).toWire()).isEqualTo(wire);
    }
  }

  @Test
  void namedConstantsMatchTheRfcs() {
    assertThat(MessageType.BINDING_REQUEST.toWire()).isEqualTo(0x0001);
    assertThat(MessageType.BINDING_SUCCESS.toWire()).isEqualTo(0x0101);
    assertThat(MessageType.BINDING_ERROR.toWire()).isEqualTo(0x0111);
    assertThat(MessageType.ALLOCATE_REQUEST.toWire()).isEqualTo(0x0003);
    assertThat(MessageType.REFRESH_REQUEST.toWire()).isEqualTo(0x0004);
    assertThat(MessageType.SEND_INDICATION.toWire()).isEqualTo(0x0016);
    assertThat(MessageType.DATA_INDICATION.toWire()).isEqualTo(0x0017);
    assertThat(MessageType.CREATE_PERMISSION_REQUEST.toWire()).isEqualTo(0x0008);
    assertThat(MessageType.CHANNEL_BIND_REQUEST.toWire()).isEqualTo(0x0009);
  }

  @Test
  void aServerAnswersWithTheSameMethod() {
    assertThat(MessageType.ALLOCATE_REQUEST.successResponse()).isEqualTo(MessageType.ALLOCATE_SUCCESS);
    assertThat(MessageType.ALLOCATE_REQUEST.errorResponse()).isEqualTo(MessageType.ALLOCATE_ERROR);
    assertThat(MessageType.CHANNEL_BIND_REQUEST.errorResponse()).isEqualTo(MessageType.CHANNEL_BIND_ERROR);
  }

  /** A server must be able to answer a method it does not know, so such a message decodes. */
  @Test
  void unknownMethodsStillDecode() throws Exception {
    MessageType unknown = MessageType.of(new Method(0xABC), MessageClass.REQUEST);
    byte[] bytes = StunMessage.builder(unknown, TransactionId.random()).encode();

    StunMessage decoded = StunDecoder.decode(bytes).message();

    assertThat(decoded.type()).isEqualTo(unknown);
    assertThat(decoded.type()).hasToString("Method(0xabc) request");
    assertThat(MessageType.ALLOCATE_ERROR).hasToString("Allocate error response");
  }

  @Test
  void methodsAreTwelveBits() {
    assertThatThrownBy(() -> new Method(0x1000)).hasMessageContaining("a method is 12 bits");
    assertThatThrownBy(() -> new Method(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
