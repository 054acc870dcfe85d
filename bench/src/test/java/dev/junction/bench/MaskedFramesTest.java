package dev.junction.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generator's own client frames, judged by Netty's server-side decoder (which requires masking). */
class MaskedFramesTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 125, 126, 127, 4_636, 65_535, 65_536, 70_001})
  void aServerDecoderReadsBackTheTextOfEveryLengthClass(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + i % 26));
    }
    assertThat(decode(MaskedFrames.text(text.toString().getBytes(StandardCharsets.UTF_8), 0x9e3779b9)))
        .isEqualTo(text.toString());
  }

  @Test
  void thePayloadOnTheWireIsMaskedWithTheKeyAfterTheHeader() {
    byte[] frame = MaskedFrames.text("abcdefghij".getBytes(StandardCharsets.US_ASCII), 0x01020304);
    assertThat(frame[0]).isEqualTo((byte) 0x81); // FIN, text
    assertThat(frame[1]).isEqualTo((byte) (0x80 | 10)); // masked, 10 bytes
    assertThat(new byte[] {frame[2], frame[3], frame[4], frame[5]}).containsExactly(1, 2, 3, 4);
    assertThat(frame[6]).isEqualTo((byte) ('a' ^ 1));
    assertThat(frame[9]).isEqualTo((byte) ('d' ^ 4));
    assertThat(frame[10]).isEqualTo((byte) ('e' ^ 1));
    assertThat(frame[15]).isEqualTo((byte) ('j' ^ 2));
  }

  private static String decode(byte[] frame) {
    WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
        .expectMaskedFrames(true).allowMaskMismatch(false).maxFramePayloadLength(1 << 20).build();
    EmbeddedChannel server = new EmbeddedChannel(new WebSocket08FrameDecoder(config));
    server.writeInbound(Unpooled.wrappedBuffer(frame));
    TextWebSocketFrame decoded = server.readInbound();
    try {
      return decoded.text();
    } finally {
      decoded.release();
      server.finishAndReleaseAll();
    }
  }
}
