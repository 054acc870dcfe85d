package dev.junction.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one attribute value into its record. Fixed sizes are checked here, with the RFC's number
 * in the message; the variable-size shapes have their own codecs.
 */
final class AttributeDecoder {

  private AttributeDecoder() {}

  /**
   * @param message the received message from offset 0 (XOR addresses need its transaction id);
   *     never written again, so values may share it
   * @param off where the value starts
   * @param len the value length from the attribute header, already known to fit
   */
  static StunAttribute decode(int type, byte[] message, int off, int len) throws StunParseException {
    try {
      return switch (type) {
        case MappedAddress.TYPE -> new MappedAddress(AddressCodec.decode(type, message, off, len, false));
        case XorMappedAddress.TYPE -> new XorMappedAddress(AddressCodec.decode(type, message, off, len, true));
        case XorPeerAddress.TYPE -> new XorPeerAddress(AddressCodec.decode(type, message, off, len, true));
        case XorRelayedAddress.TYPE -> new XorRelayedAddress(AddressCodec.decode(type, message, off, len, true));
        case AlternateServer.TYPE -> new AlternateServer(AddressCodec.decode(type, message, off, len, false));
        case Username.TYPE -> new Username(TextCodec.decode(type, message, off, len, Username.MAX_BYTES));
        case Realm.TYPE -> new Realm(TextCodec.decode(type, message, off, len, TextCodec.MAX_TEXT_BYTES));
        case Nonce.TYPE -> new Nonce(TextCodec.decode(type, message, off, len, TextCodec.MAX_TEXT_BYTES));
        case Software.TYPE -> new Software(TextCodec.decode(type, message, off, len, TextCodec.MAX_TEXT_BYTES));
        case ErrorCode.TYPE -> ErrorCodeCodec.decode(message, off, len);
        case UnknownAttributes.TYPE -> unknownAttributes(message, off, len);
        case PasswordAlgorithms.TYPE -> PasswordAlgorithmCodec.decodeList(message, off, len);
        case PasswordAlgorithm.TYPE -> PasswordAlgorithmCodec.decodeOne(message, off, len);
        case UserHash.TYPE -> new UserHash(bytes(type, message, off, len, UserHash.LENGTH));
        case Data.TYPE -> new Data(Bytes.wrapUnshared(message, off, len));
        case Lifetime.TYPE -> new Lifetime(Wire.u32(message, fixed(type, off, len, 4)));
        case Priority.TYPE -> new Priority(Wire.u32(message, fixed(type, off, len, 4)));
        // CHANNEL-NUMBER: channel (16 bits), then 16 RFFU bits, ignored on receipt.
        case ChannelNumber.TYPE -> new ChannelNumber(Wire.u16(message, fixed(type, off, len, 4)));
        // REQUESTED-TRANSPORT: protocol (8 bits), then 24 RFFU bits.
        case RequestedTransport.TYPE -> new RequestedTransport(Wire.u8(message, fixed(type, off, len, 4)));
        // REQUESTED-ADDRESS-FAMILY, ADDITIONAL-ADDRESS-FAMILY: family (8 bits), then 24 reserved bits.
        case RequestedAddressFamily.TYPE -> new RequestedAddressFamily(Wire.u8(message, fixed(type, off, len, 4)));
        case AdditionalAddressFamily.TYPE -> new AdditionalAddressFamily(Wire.u8(message, fixed(type, off, len, 4)));
        // EVEN-PORT: one byte, the R bit first and 7 RFFU bits.
        case EvenPort.TYPE -> new EvenPort((message[fixed(type, off, len, 1)] & 0x80) != 0);
        case ReservationToken.TYPE -> new ReservationToken(Wire.u64(message, fixed(type, off, len, 8)));
        case IceControlled.TYPE -> new IceControlled(Wire.u64(message, fixed(type, off, len, 8)));
        case IceControlling.TYPE -> new IceControlling(Wire.u64(message, fixed(type, off, len, 8)));
        case DontFragment.TYPE -> empty(type, len, DontFragment.INSTANCE);
        case UseCandidate.TYPE -> empty(type, len, UseCandidate.INSTANCE);
        case MessageIntegrity.TYPE -> new MessageIntegrity(bytes(type, message, off, len, MessageIntegrity.LENGTH));
        case MessageIntegritySha256.TYPE -> new MessageIntegritySha256(sha256(message, off, len));
        case Fingerprint.TYPE -> new Fingerprint(Wire.u32(message, fixed(type, off, len, Fingerprint.LENGTH)));
        default -> new UnknownAttribute(type, Bytes.wrapUnshared(message, off, len));
      };
    } catch (IllegalArgumentException e) {
      // A record refused a value the checks above let through: still a malformed message.
      throw new StunParseException("attribute " + AttributeTypes.describe(type) + ": " + e.getMessage(), e);
    }
  }

  /** Checks a fixed value length and returns the offset, so a read can follow in one expression. */
  private static int fixed(int type, int off, int len, int expected) throws StunParseException {
    if (len != expected) {
      throw new StunParseException(
          "attribute " + AttributeTypes.describe(type) + " length " + len + ", must be " + expected);
    }
    return off;
  }

  private static <A extends StunAttribute> A empty(int type, int len, A instance) throws StunParseException {
    fixed(type, 0, len, 0);
    return instance;
  }

  private static Bytes bytes(int type, byte[] message, int off, int len, int expected) throws StunParseException {
    return Bytes.wrapUnshared(message, fixed(type, off, len, expected), len);
  }

  /** "at most 32 bytes, but MUST be at least 16 bytes and MUST be a multiple of 4 bytes" (§14.6). */
  private static Bytes sha256(byte[] message, int off, int len) throws StunParseException {
    if (len < MessageIntegritySha256.MIN_LENGTH || len > MessageIntegritySha256.LENGTH || len % 4 != 0) {
      throw new StunParseException("attribute " + AttributeTypes.describe(MessageIntegritySha256.TYPE)
          + " length " + len + ", must be 16 to 32 and a multiple of 4");
    }
    return Bytes.wrapUnshared(message, off, len);
  }

  /** A list of 16-bit types; an odd count leaves 2 bytes of attribute padding. */
  private static UnknownAttributes unknownAttributes(byte[] message, int off, int len) throws StunParseException {
    if (len % 2 != 0) {
      throw new StunParseException("attribute " + AttributeTypes.describe(UnknownAttributes.TYPE)
          + " length " + len + " is not a multiple of 2");
    }
    List<Integer> types = new ArrayList<>(len / 2);
    for (int i = 0; i < len; i += 2) {
      types.add(Wire.u16(message, off + i));
    }
    return new UnknownAttributes(types);
  }
}
