package dev.junction.turn.io;

import dev.junction.turn.ChannelData;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Splits a TCP or TLS byte stream into STUN messages and ChannelData messages (RFC 8656 §12.5):
 * a STUN message is its 20-byte header plus the length in it; ChannelData is its 4-byte header
 * plus the data, padded to a multiple of 4. Anything else on the stream is a protocol error and
 * closes the connection: there is no way to find the next message boundary.
 */
public final class StreamFrameDecoder extends ByteToMessageDecoder {

  private static final int STUN_HEADER_BYTES = 20;

  @Override
  protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= ChannelData.HEADER_BYTES) {
      int length = frameLength(in, in.readerIndex());
      if (in.readableBytes() < length) {
        return;
      }
      out.add(in.readRetainedSlice(length));
    }
  }

  /** The length of the frame starting at {@code index}, whose first 4 bytes are readable. */
  static int frameLength(ByteBuf in, int index) {
    int first = in.getUnsignedByte(index);
    int length = in.getUnsignedShort(index + 2);
    if (ChannelData.startsChannelData(first)) {
      return ChannelData.streamFrameLength(length);
    }
    if ((first & 0xc0) == 0 && length % 4 == 0) {
      return STUN_HEADER_BYTES + length;
    }
    throw new CorruptedFrameException("neither STUN nor ChannelData: first byte 0x" + Integer.toHexString(first));
  }
}
