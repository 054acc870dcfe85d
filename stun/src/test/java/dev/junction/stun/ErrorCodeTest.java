package dev.junction.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8489 §14.8: the hundreds digit and the rest of the code travel in separate fields. */
class ErrorCodeTest {

  @ParameterizedTest(name = "{0} = class {1}, number {2}")
  @CsvSource({"300, 3, 0", "401, 4, 1", "420, 4, 20", "438, 4, 38", "508, 5, 8", "699, 6, 99"})
  void classAndNumber(int code, int errorClass, int number) throws Exception {
    ErrorCode error = new ErrorCode(code, "Reason");
    byte[] bytes = StunMessage.builder(MessageType.BINDING_ERROR, TransactionId.random()).add(error).encode();

    assertThat(bytes[24]).as("reserved").isZero();
    assertThat(bytes[25]).as("reserved").isZero();
    assertThat(bytes[26]).as("class").isEqualTo((byte) errorClass);
    assertThat(bytes[27]).as("number").isEqualTo((byte) number);
    assertThat(error.errorClass()).isEqualTo(errorClass);
    assertThat(error.number()).isEqualTo(number);
    assertThat(StunDecoder.decode(bytes).message().first(ErrorCode.class)).contains(error);
  }

  @Test
  void standardCodesCarryTheirRfcReason() {
    assertThat(ErrorCode.of(ErrorCode.UNAUTHENTICATED)).isEqualTo(new ErrorCode(401, "Unauthenticated"));
    assertThat(ErrorCode.of(ErrorCode.STALE_NONCE).reason()).isEqualTo("Stale Nonce");
    assertThat(ErrorCode.of(ErrorCode.ALLOCATION_QUOTA_REACHED).reason()).isEqualTo("Allocation Quota Reached");
    assertThat(ErrorCode.of(ErrorCode.INSUFFICIENT_CAPACITY).reason()).isEqualTo("Insufficient Capacity");
    assertThat(ErrorCode.of(599).reason()).isEmpty();
  }

  @Test
  void codesAre300To699() {
    assertThatThrownBy(() -> new ErrorCode(299, "")).hasMessageContaining("error code must be 300-699, got 299");
    assertThatThrownBy(() -> new ErrorCode(700, "")).hasMessageContaining("got 700");
  }

  @Test
  void reasonPhrasesHaveFewerThan128Characters() {
    assertThat(new ErrorCode(400, "\u00e9".repeat(127)).reason()).hasSize(127);
    assertThatThrownBy(() -> new ErrorCode(400, "x".repeat(128)))
        .hasMessageContaining("fewer than 128 characters, got 128");
  }

  @Test
  void theReservedBitsAreIgnoredOnReceipt() throws Exception {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_ERROR, TransactionId.random())
        .add(ErrorCode.of(420))
        .encode();
    bytes[24] = (byte) 0xFF;
    bytes[25] = (byte) 0xFF;
    bytes[26] |= (byte) 0xF8;

    assertThat(StunDecoder.decode(bytes).message().first(ErrorCode.class)).contains(ErrorCode.of(420));
  }

  @ParameterizedTest(name = "class {0} number {1}")
  @CsvSource({"2, 0, class 2 is not between 3 and 6", "7, 0, class 7 is not between 3 and 6",
      "0, 0, class 0 is not between 3 and 6", "4, 100, number 100 is not between 0 and 99"})
  void theClassIs3To6AndTheNumber0To99(int errorClass, int number, String rule) {
    byte[] bytes = StunMessage.builder(MessageType.BINDING_ERROR, TransactionId.random())
        .add(ErrorCode.of(400))
        .encode();
    bytes[26] = (byte) errorClass;
    bytes[27] = (byte) number;

    assertThatThrownBy(() -> StunDecoder.decode(bytes))
        .isInstanceOf(StunParseException.class)
        .hasMessage("attribute 0x0009 (ERROR-CODE) " + rule);
  }
}
