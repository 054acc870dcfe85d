package dev.junction.stun;

import java.nio.ByteBuffer;

/**
 * Writes attribute values: the mirror of {@link AttributeDecoder}. The buffer is big-endian and
 * known to have room; {@link #valueLength} says how much.
 */
final class AttributeEncoder {

  private AttributeEncoder() {}

  static int valueLength(StunAttribute attribute) {
    if (attribute instanceof UnknownAttribute unknown) {
      return unknown.value().size();
    }
    return switch (attribute.type()) {
      case MappedAddress.TYPE, XorMappedAddress.TYPE, XorPeerAddress.TYPE, XorRelayedAddress.TYPE,
          AlternateServer.TYPE -> AddressCodec.valueLength(((AddressAttribute) attribute).address());
      case Username.TYPE -> TextCodec.valueLength(((Username) attribute).value());
      case Realm.TYPE -> TextCodec.valueLength(((Realm) attribute).value());
      case Nonce.TYPE -> TextCodec.valueLength(((Nonce) attribute).value());
      case Software.TYPE -> TextCodec.valueLength(((Software) attribute).value());
      case ErrorCode.TYPE -> ErrorCodeCodec.valueLength((ErrorCode) attribute);
      case UnknownAttributes.TYPE -> 2 * ((UnknownAttributes) attribute).types().size();
      case PasswordAlgorithms.TYPE -> PasswordAlgorithmCodec.valueLength((PasswordAlgorithms) attribute);
      case PasswordAlgorithm.TYPE -> PasswordAlgorithmCodec.valueLength((PasswordAlgorithm) attribute);
      case UserHash.TYPE -> UserHash.LENGTH;
      case Data.TYPE -> ((Data) attribute).value().size();
      case Lifetime.TYPE, Priority.TYPE, ChannelNumber.TYPE, RequestedTransport.TYPE,
          RequestedAddressFamily.TYPE, AdditionalAddressFamily.TYPE -> 4;
      case EvenPort.TYPE -> 1;
      case ReservationToken.TYPE, IceControlled.TYPE, IceControlling.TYPE -> 8;
      case DontFragment.TYPE, UseCandidate.TYPE -> 0;
      case MessageIntegrity.TYPE -> MessageIntegrity.LENGTH;
      case MessageIntegritySha256.TYPE -> ((MessageIntegritySha256) attribute).hmac().size();
      case Fingerprint.TYPE -> Fingerprint.LENGTH;
      default -> throw new AssertionError("no encoder for " + attribute);
    };
  }

  /** Writes the value only; the caller writes the attribute header and the padding. */
  static void writeValue(ByteBuffer out, StunAttribute attribute, TransactionId transactionId) {
    if (attribute instanceof UnknownAttribute unknown) {
      unknown.value().writeTo(out);
      return;
    }
    switch (attribute.type()) {
      case MappedAddress.TYPE, AlternateServer.TYPE ->
          AddressCodec.write(out, ((AddressAttribute) attribute).address(), false, transactionId);
      case XorMappedAddress.TYPE, XorPeerAddress.TYPE, XorRelayedAddress.TYPE ->
          AddressCodec.write(out, ((AddressAttribute) attribute).address(), true, transactionId);
      case Username.TYPE -> TextCodec.write(out, ((Username) attribute).value());
      case Realm.TYPE -> TextCodec.write(out, ((Realm) attribute).value());
      case Nonce.TYPE -> TextCodec.write(out, ((Nonce) attribute).value());
      case Software.TYPE -> TextCodec.write(out, ((Software) attribute).value());
      case ErrorCode.TYPE -> ErrorCodeCodec.write(out, (ErrorCode) attribute);
      case UnknownAttributes.TYPE -> {
        for (int type : ((UnknownAttributes) attribute).types()) {
          out.putShort((short) type);
        }
      }
      case PasswordAlgorithms.TYPE -> PasswordAlgorithmCodec.write(out, (PasswordAlgorithms) attribute);
      case PasswordAlgorithm.TYPE -> PasswordAlgorithmCodec.write(out, (PasswordAlgorithm) attribute);
      case UserHash.TYPE -> ((UserHash) attribute).hash().writeTo(out);
      case Data.TYPE -> ((Data) attribute).value().writeTo(out);
      case Lifetime.TYPE -> out.putInt((int) ((Lifetime) attribute).seconds());
      case Priority.TYPE -> out.putInt((int) ((Priority) attribute).priority());
      case ChannelNumber.TYPE -> out.putShort((short) ((ChannelNumber) attribute).channel()).putShort((short) 0);
      case RequestedTransport.TYPE -> out.putInt(((RequestedTransport) attribute).protocol() << 24);
      case RequestedAddressFamily.TYPE -> out.putInt(((RequestedAddressFamily) attribute).family() << 24);
      case AdditionalAddressFamily.TYPE -> out.putInt(((AdditionalAddressFamily) attribute).family() << 24);
      case EvenPort.TYPE -> out.put((byte) (((EvenPort) attribute).reserveNext() ? 0x80 : 0));
      case ReservationToken.TYPE -> out.putLong(((ReservationToken) attribute).token());
      case IceControlled.TYPE -> out.putLong(((IceControlled) attribute).tieBreaker());
      case IceControlling.TYPE -> out.putLong(((IceControlling) attribute).tieBreaker());
      case DontFragment.TYPE, UseCandidate.TYPE -> {}
      case MessageIntegrity.TYPE -> ((MessageIntegrity) attribute).hmac().writeTo(out);
      case MessageIntegritySha256.TYPE -> ((MessageIntegritySha256) attribute).hmac().writeTo(out);
      case Fingerprint.TYPE -> out.putInt((int) ((Fingerprint) attribute).value());
      default -> throw new AssertionError("no encoder for " + attribute);
    }
  }
}
