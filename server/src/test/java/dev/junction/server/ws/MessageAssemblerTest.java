package dev.junction.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class MessageAssemblerTest {

  private final MessageAssembler assembler = new MessageAssembler(10);

  @Test
  void aSingleFrameMessageIsReturnedAsIs() throws Exception {
    Buffer frame = Buffer.buffer("hello");
    assertThat(assembler.add(frame, true)).isSameAs(frame);
  }

  @Test
  void fragmentsAreJoinedWhenTheLastArrives() throws Exception {
    assertThat(assembler.add(Buffer.buffer("hel"), false)).isNull();
    assertThat(assembler.add(Buffer.buffer("lo "), false)).isNull();
    assertThat(assembler.add(Buffer.buffer("you"), true).toString()).isEqualTo("hello you");
    assertThat(assembler.add(Buffer.buffer("next"), true).toString()).isEqualTo("next");
  }

  @Test
  void aMessageOfExactlyTheLimitPasses() throws Exception {
    assertThat(assembler.add(Buffer.buffer("01234"), false)).isNull();
    assertThat(assembler.add(Buffer.buffer("56789"), true).length()).isEqualTo(10);
  }

  @Test
  void theFragmentThatCrossesTheLimitIsRefused() throws Exception {
    assembler.add(Buffer.buffer("0123456"), false);
    assertThatThrownBy(() -> assembler.add(Buffer.buffer("7890"), false))
        .isInstanceOf(MessageAssembler.TooBigException.class)
        .hasMessage("message of at least 11 bytes exceeds the limit of 10");
  }
}
