package dev.junction.stun;

import static dev.junction.stun.Rfc5769Test.address;

import java.util.List;

/** Values of every attribute, and realistic TURN and ICE messages built from them. */
final class Samples {

  private Samples() {}

  /** Bytes from int literals, which Java will not pass as {@code byte...}. */
  static Bytes bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return Bytes.of(out);
  }

  private static java.net.InetSocketAddress ipv4MappedIpv6(int port) {
    try {
      return XorAddressTest.ipv4MappedIpv6(127, 0, 0, 1, port);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static final IntegrityKey KEY = IntegrityKey.longTerm("alice", "example.org", "secret");

  /** At least one value of every attribute the builder accepts, with edge cases. */
  static List<StunAttribute> everyAttribute() {
    return List.of(
        new MappedAddress(address("192.0.2.1", 32853)),
        new MappedAddress(address("2001:db8::1", 3478)),
        new XorMappedAddress(address("203.0.113.45", 51234)),
        new XorMappedAddress(address("2001:db8:1234:5678:11:2233:4455:6677", 32853)),
        new XorPeerAddress(address("198.51.100.7", 0)),
        new XorPeerAddress(ipv4MappedIpv6(65535)),
        new XorRelayedAddress(address("192.0.2.99", 49152)),
        new XorRelayedAddress(address("2001:db8::beef", 49153)),
        new AlternateServer(address("2001:db8::2", 5349)),
        new Username("evtj:h6vY"),
        new Username(TestVectors.USERNAME),
        new Username("u".repeat(Username.MAX_BYTES)),
        new Username(""),
        UserHash.of("alice", "example.org"),
        new Realm("example.org"),
        new Nonce("obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA"),
        new Software("Junction \u00e9\u00e8 \ud83d\ude80"), // multi-byte and a surrogate pair
        new Software("x".repeat(127)),
        PasswordAlgorithms.of(PasswordAlgorithm.MD5, PasswordAlgorithm.SHA256),
        PasswordAlgorithms.of(new PasswordAlgorithm(0x1234, Samples.bytes(1, 2, 3)), PasswordAlgorithm.MD5),
        PasswordAlgorithms.of(),
        PasswordAlgorithm.SHA256,
        new PasswordAlgorithm(0xBEEF, Samples.bytes(9, 8, 7, 6, 5)),
        ErrorCode.of(ErrorCode.UNKNOWN_ATTRIBUTE),
        new ErrorCode(699, ""),
        new ErrorCode(300, "Try \u00c5lternate"),
        new UnknownAttributes(List.of(0x0022, 0x7FFF, 0x1234)),
        new UnknownAttributes(List.of()),
        new Lifetime(600),
        new Lifetime(0xFFFF_FFFFL),
        new ChannelNumber(0x4000),
        new ChannelNumber(0xFFFF),
        new Data(Samples.bytes(1, 2, 3, 4, 5)),
        new Data(Bytes.EMPTY),
        RequestedTransport.UDP,
        new RequestedTransport(255),
        DontFragment.INSTANCE,
        new EvenPort(true),
        new EvenPort(false),
        new ReservationToken(0x0102030405060708L),
        RequestedAddressFamily.IPV4,
        new RequestedAddressFamily(0x03),
        AdditionalAddressFamily.IPV6,
        new Priority(0x6e0001ffL),
        new Priority(0xFFFF_FFFFL),
        UseCandidate.INSTANCE,
        new IceControlled(-1L),
        new IceControlling(0x932ff9b151263b36L),
        new UnknownAttribute(0x8055, Samples.bytes(1, 2, 3)),
        new UnknownAttribute(0x7000, Bytes.EMPTY));
  }

  /** Messages as TURN and ICE exchange them, for the fuzzer's corpus. */
  static List<byte[]> messages() {
    TransactionId id = TransactionId.fromHex("0102030405060708090a0b0c");
    return List.of(
        StunMessage.builder(MessageType.BINDING_REQUEST, id)
            .add(new Username("remote:local"))
            .add(new Priority(0x6e7f1eff))
            .add(new IceControlling(42))
            .add(UseCandidate.INSTANCE)
            .messageIntegrity(IntegrityKey.shortTerm("icepassword0123456789x"))
            .fingerprint()
            .encode(),
        StunMessage.builder(MessageType.BINDING_SUCCESS, id)
            .add(new XorMappedAddress(address("2001:db8::7", 40000)))
            .messageIntegrity(IntegrityKey.shortTerm("icepassword0123456789x"))
            .fingerprint()
            .encode(),
        StunMessage.builder(MessageType.ALLOCATE_REQUEST, id)
            .add(RequestedTransport.UDP)
            .add(DontFragment.INSTANCE)
            .add(new EvenPort(true))
            .add(new Lifetime(3600))
            .add(RequestedAddressFamily.IPV4)
            .add(AdditionalAddressFamily.IPV6)
            .add(UserHash.of("alice", "example.org"))
            .add(new Realm("example.org"))
            .add(new Nonce("obMatJos2AAACf//499k954d6OL34oL9FSTvy64sA"))
            .add(PasswordAlgorithms.of(PasswordAlgorithm.MD5, PasswordAlgorithm.SHA256))
            .add(PasswordAlgorithm.SHA256)
            .messageIntegrity(KEY)
            .messageIntegritySha256(KEY)
            .fingerprint()
            .encode(),
        StunMessage.builder(MessageType.ALLOCATE_SUCCESS, id)
            .add(new XorRelayedAddress(address("192.0.2.15", 50000)))
            .add(new XorRelayedAddress(address("2001:db8::15", 50001)))
            .add(new XorMappedAddress(address("198.51.100.2", 61000)))
            .add(new Lifetime(600))
            .add(new ReservationToken(77))
            .add(new Software("Junction"))
            .messageIntegrity(KEY)
            .encode(),
        StunMessage.builder(MessageType.ALLOCATE_ERROR, id)
            .add(ErrorCode.of(ErrorCode.UNAUTHENTICATED))
            .add(new Realm("example.org"))
            .add(new Nonce("abcdefgh"))
            .add(PasswordAlgorithms.of(PasswordAlgorithm.SHA256, new PasswordAlgorithm(9, Samples.bytes(1))))
            .add(new Software("Junction"))
            .fingerprint()
            .encode(),
        StunMessage.builder(MessageType.BINDING_ERROR, id)
            .add(ErrorCode.of(ErrorCode.UNKNOWN_ATTRIBUTE))
            .add(new UnknownAttributes(List.of(0x7001, 0x0042, 0x0043)))
            .add(new AlternateServer(address("192.0.2.200", 3478)))
            .add(new MappedAddress(address("192.0.2.1", 1)))
            .encode(),
        StunMessage.builder(MessageType.SEND_INDICATION, id)
            .add(new XorPeerAddress(address("2001:db8::99", 9999)))
            .add(new Data(Bytes.of(new byte[37])))
            .encode(),
        StunMessage.builder(MessageType.DATA_INDICATION, id)
            .add(new XorPeerAddress(address("192.0.2.77", 7777)))
            .add(new Data(Bytes.fromHex("800000010000000100000000")))
            .encode(),
        StunMessage.builder(MessageType.CHANNEL_BIND_REQUEST, id)
            .add(new ChannelNumber(0x4001))
            .add(new XorPeerAddress(address("192.0.2.77", 7777)))
            .add(new Username("alice"))
            .add(new Realm("example.org"))
            .add(new Nonce("n"))
            .messageIntegrity(KEY)
            .encode(),
        StunMessage.builder(MessageType.of(new Method(0xABC), MessageClass.INDICATION), id)
            .add(new UnknownAttribute(0x7ABC, Samples.bytes(1, 2, 3, 4, 5, 6, 7)))
            .add(new UnknownAttribute(0xC001, Bytes.EMPTY))
            .encode());
  }
}
