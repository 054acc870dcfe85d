package dev.junction.bench.turn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.stun.DecodedMessage;
import dev.junction.stun.MessageType;
import dev.junction.stun.StunDecoder;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BindingWireTest {

  private static ByteBuffer request(int socket, int slot, long sequence) {
    ByteBuffer out = ByteBuffer.allocate(20);
    BindingWire.writeRequest(out, socket, slot, sequence);
    return out;
  }

  /** The server's answer keeps the transaction id; only the type (and attributes) differ. */
  private static ByteBuffer answer(ByteBuffer request) {
    ByteBuffer in = ByteBuffer.allocate(2048);
    in.put(request.duplicate());
    in.putShort(0, (short) 0x0101);
    return in;
  }

  @Test
  void theRequestIsAValidBindingRequestWithoutAttributes() throws Exception {
    ByteBuffer out = request(3, 17, 42);
    byte[] bytes = new byte[out.remaining()];
    out.duplicate().get(bytes);

    DecodedMessage decoded = StunDecoder.decode(bytes);

    assertThat(bytes).hasSize(20);
    assertThat(decoded.message().type()).isEqualTo(MessageType.BINDING_REQUEST);
    assertThat(decoded.message().attributes()).isEmpty();
  }

  @Test
  void theAnswerIsMatchedToItsSocketAndSlot() {
    ByteBuffer in = answer(request(3, 17, 42));

    assertThat(BindingWire.matchSlot(in, 20, 3, 32)).isEqualTo(17);
    assertThat(in.getLong(11)).isEqualTo(42);
  }

  @Test
  void answersThatAreNotOursDoNotMatch() {
    ByteBuffer in = answer(request(3, 17, 42));

    assertThat(BindingWire.matchSlot(in, 20, 4, 32)).as("another socket's").isEqualTo(-1);
    assertThat(BindingWire.matchSlot(in, 20, 3, 16)).as("a slot outside the window").isEqualTo(-1);
    assertThat(BindingWire.matchSlot(in, 19, 3, 32)).as("shorter than a header").isEqualTo(-1);
    ByteBuffer noMarker = answer(request(3, 17, 42)).put(19, (byte) 0);
    assertThat(BindingWire.matchSlot(noMarker, 20, 3, 32)).as("no marker").isEqualTo(-1);
    ByteBuffer noCookie = answer(request(3, 17, 42)).putInt(4, 0);
    assertThat(BindingWire.matchSlot(noCookie, 20, 3, 32)).as("no magic cookie").isEqualTo(-1);
  }
}
