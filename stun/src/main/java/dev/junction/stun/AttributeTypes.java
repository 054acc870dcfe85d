package dev.junction.stun;

/** The names RFC 8489, RFC 8656 and RFC 8445 give attribute types, for messages and logs. */
final class AttributeTypes {

  private AttributeTypes() {}

  /** The RFC name, or null for a type this codec does not know. */
  static String name(int type) {
    return switch (type) {
      case MappedAddress.TYPE -> "MAPPED-ADDRESS";
      case Username.TYPE -> "USERNAME";
      case MessageIntegrity.TYPE -> "MESSAGE-INTEGRITY";
      case ErrorCode.TYPE -> "ERROR-CODE";
      case UnknownAttributes.TYPE -> "UNKNOWN-ATTRIBUTES";
      case ChannelNumber.TYPE -> "CHANNEL-NUMBER";
      case Lifetime.TYPE -> "LIFETIME";
      case XorPeerAddress.TYPE -> "XOR-PEER-ADDRESS";
      case Data.TYPE -> "DATA";
      case Realm.TYPE -> "REALM";
      case Nonce.TYPE -> "NONCE";
      case XorRelayedAddress.TYPE -> "XOR-RELAYED-ADDRESS";
      case RequestedAddressFamily.TYPE -> "REQUESTED-ADDRESS-FAMILY";
      case EvenPort.TYPE -> "EVEN-PORT";
      case RequestedTransport.TYPE -> "REQUESTED-TRANSPORT";
      case DontFragment.TYPE -> "DONT-FRAGMENT";
      case MessageIntegritySha256.TYPE -> "MESSAGE-INTEGRITY-SHA256";
      case PasswordAlgorithm.TYPE -> "PASSWORD-ALGORITHM";
      case UserHash.TYPE -> "USERHASH";
      case XorMappedAddress.TYPE -> "XOR-MAPPED-ADDRESS";
      case ReservationToken.TYPE -> "RESERVATION-TOKEN";
      case Priority.TYPE -> "PRIORITY";
      case UseCandidate.TYPE -> "USE-CANDIDATE";
      case AdditionalAddressFamily.TYPE -> "ADDITIONAL-ADDRESS-FAMILY";
      case PasswordAlgorithms.TYPE -> "PASSWORD-ALGORITHMS";
      case Software.TYPE -> "SOFTWARE";
      case AlternateServer.TYPE -> "ALTERNATE-SERVER";
      case Fingerprint.TYPE -> "FINGERPRINT";
      case IceControlled.TYPE -> "ICE-CONTROLLED";
      case IceControlling.TYPE -> "ICE-CONTROLLING";
      default -> null;
    };
  }

  /** {@code "0x0020 (XOR-MAPPED-ADDRESS)"}, or just the number for an unknown type. */
  static String describe(int type) {
    String name = name(type);
    String hex = String.format("0x%04x", type);
    return name == null ? hex : hex + " (" + name + ")";
  }
}
