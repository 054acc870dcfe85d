package dev.junction.stun;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes the header and the attributes of a message; {@link Trailers} appends the computed ones.
 * The layout is the one drawn in {@link StunDecoder}.
 */
final class MessageEncoder {

  private MessageEncoder() {}

  /**
   * @param out big-endian, with room for the whole message at its position
   * @param length the final value of the length field, trailers included
   */
  static void write(
      ByteBuffer out, MessageType type, TransactionId transactionId, List<StunAttribute> attributes,
      int[] valueLengths, int length) {
    out.putShort((short) type.toWire());
    out.putShort((short) length);
    out.putInt(StunMessage.MAGIC_COOKIE);
    transactionId.writeTo(out);
    for (int i = 0; i < attributes.size(); i++) {
      StunAttribute attribute = attributes.get(i);
      int valueLength = valueLengths[i];
      out.putShort((short) attribute.type());
      out.putShort((short) valueLength);
      int valueStart = out.position();
      AttributeEncoder.writeValue(out, attribute, transactionId);
      if (out.position() - valueStart != valueLength) {
        throw new IllegalStateException("attribute " + AttributeTypes.describe(attribute.type()) + " wrote "
            + (out.position() - valueStart) + " bytes after announcing " + valueLength);
      }
      // Explicit zeros: a pooled buffer may hold an older message's bytes here.
      for (int pad = valueLength; pad < Wire.padded(valueLength); pad++) {
        out.put((byte) 0);
      }
    }
  }
}
