package dev.junction.stun;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * PASSWORD-ALGORITHMS (RFC 8489 §14.11) is a list of entries; PASSWORD-ALGORITHM (§14.12) is one.
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         Algorithm 1           | Algorithm 1 Parameters Length |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Algorithm 1 Parameters (variable)
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         Algorithm 2           | Algorithm 2 Parameters Length |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Algorithm 2 Parameters (variable)
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                             ...
 * </pre>
 *
 * In the list each entry's parameters are padded to 32 bits, so the next entry is aligned. The
 * single PASSWORD-ALGORITHM leaves the padding to the attribute.
 */
final class PasswordAlgorithmCodec {

  private PasswordAlgorithmCodec() {}

  static PasswordAlgorithm decodeOne(byte[] message, int off, int len) throws StunParseException {
    String attribute = AttributeTypes.describe(PasswordAlgorithm.TYPE);
    if (len < 4) {
      throw new StunParseException("attribute " + attribute + " length " + len + " is shorter than 4");
    }
    int parametersLength = Wire.u16(message, off + 2);
    if (4 + parametersLength != len) {
      throw new StunParseException("attribute " + attribute + " length " + len
          + " does not match its parameters length " + parametersLength + " plus 4");
    }
    return new PasswordAlgorithm(Wire.u16(message, off), Bytes.wrapUnshared(message, off + 4, parametersLength));
  }

  static PasswordAlgorithms decodeList(byte[] message, int off, int len) throws StunParseException {
    String attribute = AttributeTypes.describe(PasswordAlgorithms.TYPE);
    List<PasswordAlgorithm> algorithms = new ArrayList<>();
    int pos = off;
    int end = off + len;
    while (pos < end) {
      if (end - pos < 4) {
        throw new StunParseException("attribute " + attribute + " entry at byte " + (pos - off)
            + " needs 4 bytes, " + (end - pos) + " left");
      }
      int parametersLength = Wire.u16(message, pos + 2);
      if (Wire.padded(parametersLength) > end - pos - 4) {
        throw new StunParseException("attribute " + attribute + " entry at byte " + (pos - off)
            + " parameters length " + parametersLength + " with padding exceeds the " + (end - pos - 4) + " bytes left");
      }
      algorithms.add(new PasswordAlgorithm(Wire.u16(message, pos), Bytes.wrapUnshared(message, pos + 4, parametersLength)));
      pos += 4 + Wire.padded(parametersLength);
    }
    return new PasswordAlgorithms(algorithms);
  }

  static int valueLength(PasswordAlgorithm algorithm) {
    return 4 + algorithm.parameters().size();
  }

  static int valueLength(PasswordAlgorithms list) {
    int length = 0;
    for (PasswordAlgorithm algorithm : list.algorithms()) {
      length += 4 + Wire.padded(algorithm.parameters().size());
    }
    return length;
  }

  static void write(ByteBuffer out, PasswordAlgorithm algorithm) {
    out.putShort((short) algorithm.algorithm());
    out.putShort((short) algorithm.parameters().size());
    algorithm.parameters().writeTo(out);
  }

  static void write(ByteBuffer out, PasswordAlgorithms list) {
    for (PasswordAlgorithm algorithm : list.algorithms()) {
      write(out, algorithm);
      for (int i = algorithm.parameters().size(); i < Wire.padded(algorithm.parameters().size()); i++) {
        out.put((byte) 0);
      }
    }
  }
}
