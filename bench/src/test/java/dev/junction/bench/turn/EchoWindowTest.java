package dev.junction.bench.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EchoWindowTest {

  private static final int CHANNEL = 0x4001;
  private static final int PAYLOAD = 40;
  private static final long TIMEOUT = 200_000_000L;
  private static final long T0 = 1_000_000_000L;

  private final EchoWindow window = new EchoWindow(CHANNEL, PAYLOAD, 4, TIMEOUT);
  private final List<ByteBuf> buffers = new ArrayList<>();

  @AfterEach
  void release() {
    buffers.forEach(b -> assertThat(b.release()).isTrue());
  }

  private ByteBuf buffer() {
    ByteBuf b = Unpooled.buffer();
    buffers.add(b);
    return b;
  }

  /** The message {@code slot} sends at {@code now}; the echo peer sends the same bytes back. */
  private ByteBuf send(int slot, long now) {
    ByteBuf out = buffer();
    window.writeMessage(slot, out, now);
    return out;
  }

  /** A message as the window writes it, with the header and slot fields given. */
  private ByteBuf message(int channel, int length, int slot, long sequence, int payloadBytes) {
    ByteBuf b = buffer().writeShort(channel).writeShort(length).writeInt(slot).writeLong(sequence);
    return b.writeZero(payloadBytes - EchoWindow.MIN_PAYLOAD);
  }

  @Test
  void aMessageIsChannelDataWithSlotSequenceAndZeros() {
    ByteBuf first = send(2, T0);
    window.onEcho(first);
    ByteBuf second = send(2, T0);

    assertThat(window.messageLength()).isEqualTo(4 + PAYLOAD);
    assertThat(first.readableBytes()).isEqualTo(window.messageLength());
    // RFC 8656 §12.4: channel number, then the length of the application data that follows
    assertThat(first.getUnsignedShort(0)).isEqualTo(CHANNEL);
    assertThat(first.getUnsignedShort(2)).isEqualTo(PAYLOAD);
    assertThat(first.getInt(4)).isEqualTo(2);
    assertThat(first.getLong(8)).isEqualTo(1);
    for (int i = 16; i < first.writerIndex(); i++) {
      assertThat(first.getByte(i)).as("byte %d", i).isZero();
    }
    assertThat(second.getLong(8)).as("the slot's next sequence number").isEqualTo(2);
  }

  @Test
  void anEchoFreesItsSlot() {
    ByteBuf message = send(1, T0);
    assertThat(window.due(1, T0 + 1)).isFalse();

    assertThat(window.onEcho(message)).isEqualTo(1);

    assertThat(message.readerIndex()).as("the echo is read, not consumed").isZero();
    assertThat(window.due(1, T0 + 2)).isTrue();
    assertThat(window.echoed()).isEqualTo(1);
    assertThat(window.strays()).isZero();
    assertThat(window.lost()).isZero();
  }

  @Test
  void anEchoIsReadFromItsReaderIndex() {
    ByteBuf message = send(1, T0);
    ByteBuf inABiggerBuffer = buffer().writeZero(7).writeBytes(message).skipBytes(7);

    assertThat(window.onEcho(inABiggerBuffer)).isEqualTo(1);
  }

  @Test
  void onlyAnEchoOfTheSlotsCurrentMessageMatches() {
    send(1, T0);
    send(3, T0);

    assertThat(window.onEcho(message(CHANNEL + 1, PAYLOAD, 1, 1, PAYLOAD))).as("wrong channel").isEqualTo(-1);
    assertThat(window.onEcho(message(CHANNEL, PAYLOAD - 1, 1, 1, PAYLOAD))).as("wrong length").isEqualTo(-1);
    assertThat(window.onEcho(message(CHANNEL, PAYLOAD, 1, 1, PAYLOAD).writerIndex(4 + PAYLOAD - 1)))
        .as("short datagram").isEqualTo(-1);
    assertThat(window.onEcho(message(CHANNEL, PAYLOAD, 1, 2, PAYLOAD))).as("another sequence").isEqualTo(-1);
    assertThat(window.onEcho(message(CHANNEL, PAYLOAD, 4, 1, PAYLOAD))).as("slot past the window").isEqualTo(-1);
    assertThat(window.onEcho(message(CHANNEL, PAYLOAD, -1, 1, PAYLOAD))).as("negative slot").isEqualTo(-1);
    assertThat(window.onEcho(message(CHANNEL, PAYLOAD, 0, 0, PAYLOAD))).as("slot with nothing sent").isEqualTo(-1);
    assertThat(window.strays()).isEqualTo(7);
    assertThat(window.echoed()).isZero();
    assertThat(window.due(1, T0 + 1)).as("still waiting for its echo").isFalse();

    assertThat(window.onEcho(message(CHANNEL, PAYLOAD, 3, 1, PAYLOAD))).isEqualTo(3);
    assertThat(window.onEcho(message(CHANNEL, PAYLOAD, 3, 1, PAYLOAD))).as("a duplicate echo").isEqualTo(-1);
    assertThat(window.echoed()).isEqualTo(1);
    assertThat(window.strays()).isEqualTo(8);
  }

  @Test
  void aStaleSequenceIsAStrayAfterTheSlotSentAgain() {
    ByteBuf old = send(0, T0);
    window.onEcho(old);
    ByteBuf current = send(0, T0 + 10);

    assertThat(window.onEcho(old)).isEqualTo(-1);
    assertThat(window.onEcho(current)).isZero();
    assertThat(window.echoed()).isEqualTo(2);
    assertThat(window.strays()).isEqualTo(1);
  }

  @Test
  void freeSlotsAreDueWithoutALoss() {
    for (int slot = 0; slot < window.slots(); slot++) {
      assertThat(window.due(slot, T0)).isTrue();
    }
    assertThat(window.lost()).isZero();
  }

  @Test
  void aMessageUnansweredPastTheTimeoutIsLostOnce() {
    send(2, T0);

    assertThat(window.due(2, T0 + TIMEOUT)).as("at the timeout, still waiting").isFalse();
    assertThat(window.lost()).isZero();
    assertThat(window.due(2, T0 + TIMEOUT + 1)).isTrue();
    assertThat(window.lost()).isEqualTo(1);
    assertThat(window.due(2, T0 + TIMEOUT + 2)).as("free now, not lost again").isTrue();
    assertThat(window.due(2, T0 + 5 * TIMEOUT)).isTrue();
    assertThat(window.lost()).isEqualTo(1);
  }

  @Test
  void aLateEchoOfALostMessageIsAStray() {
    ByteBuf lost = send(2, T0);
    window.due(2, T0 + TIMEOUT + 1);

    assertThat(window.onEcho(lost)).as("echo after the loss, before the slot sent again").isEqualTo(-1);
    ByteBuf next = send(2, T0 + TIMEOUT + 1);
    assertThat(window.onEcho(lost)).as("echo after the slot sent again").isEqualTo(-1);
    assertThat(window.onEcho(next)).isEqualTo(2);
    assertThat(window.lost()).isEqualTo(1);
    assertThat(window.strays()).isEqualTo(2);
    assertThat(window.echoed()).isEqualTo(1);
  }

  @Test
  void payloadAndWindowAreBounded() {
    assertThatThrownBy(() -> new EchoWindow(CHANNEL, EchoWindow.MIN_PAYLOAD - 1, 1, TIMEOUT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EchoWindow(CHANNEL, 1401, 1, TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EchoWindow(CHANNEL, PAYLOAD, 0, TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new EchoWindow(CHANNEL, EchoWindow.MIN_PAYLOAD, 1, TIMEOUT).messageLength()).isEqualTo(16);
  }
}
