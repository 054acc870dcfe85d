package dev.junction.turn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.IntegrityKey;
import dev.junction.stun.MessageClass;
import dev.junction.stun.MessageType;
import dev.junction.stun.Method;
import dev.junction.stun.Nonce;
import dev.junction.stun.Realm;
import dev.junction.stun.RequestedTransport;
import dev.junction.stun.StunAttribute;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunMessage;
import dev.junction.stun.TransactionId;
import dev.junction.stun.Username;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TURN client over UDP for protocol tests: one socket (one 5-tuple), requests with or without
 * the long-term credential dance, raw datagrams for ChannelData and malformed input.
 */
final class TurnTestClient implements AutoCloseable {

  private final DatagramSocket socket;
  private final InetSocketAddress server;
  private String username = TestTurnServers.USER;
  private String password = TestTurnServers.PASSWORD;
  private String realm;
  private String nonce;

  TurnTestClient(int serverPort) throws IOException {
    this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    this.socket.setSoTimeout(2_000);
    this.server = new InetSocketAddress("127.0.0.1", serverPort);
  }

  TurnTestClient as(String user, String secretOrPassword, boolean rest) {
    if (rest) {
      RestCredentials.Credential credential = new RestCredentials(List.of(secretOrPassword))
          .mint(user, java.time.Instant.now().plusSeconds(3600));
      this.username = credential.username();
      this.password = credential.password();
    } else {
      this.username = user;
      this.password = secretOrPassword;
    }
    return this;
  }

  InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  IntegrityKey key() {
    return IntegrityKey.longTerm(username, realm, password);
  }

  /** Sends an unauthenticated request and returns the answer. */
  DecodedMessage plain(Method method, StunAttribute... attributes) throws IOException {
    StunMessage.Builder request = StunMessage.builder(MessageType.of(method, MessageClass.REQUEST), TransactionId.random());
    Arrays.stream(attributes).forEach(request::add);
    return exchange(request.fingerprint().encode());
  }

  /**
   * Sends an authenticated request, first learning REALM and NONCE from a 401 (or 438) the way
   * every TURN client does, and returns the final answer.
   */
  DecodedMessage request(Method method, StunAttribute... attributes) throws IOException {
    if (nonce == null) {
      DecodedMessage challenge = plain(method, attributes);
      learnChallenge(challenge);
    }
    DecodedMessage answer = exchange(signed(method, TransactionId.random(), attributes));
    if (errorCode(answer) == ErrorCode.STALE_NONCE) {
      learnChallenge(answer);
      answer = exchange(signed(method, TransactionId.random(), attributes));
    }
    return answer;
  }

  DecodedMessage allocate(StunAttribute... extra) throws IOException {
    List<StunAttribute> attributes = new ArrayList<>(List.of(RequestedTransport.UDP));
    attributes.addAll(List.of(extra));
    return request(Method.ALLOCATE, attributes.toArray(StunAttribute[]::new));
  }

  /** The bytes of a signed request with {@code transaction}, for sending twice. */
  byte[] signed(Method method, TransactionId transaction, StunAttribute... attributes) {
    StunMessage.Builder request = StunMessage.builder(MessageType.of(method, MessageClass.REQUEST), transaction)
        .add(new Username(username)).add(new Realm(realm)).add(new Nonce(nonce));
    Arrays.stream(attributes).forEach(request::add);
    return request.messageIntegrity(key()).fingerprint().encode();
  }

  void learnChallenge(DecodedMessage challenge) {
    assertThat(errorCode(challenge)).isIn(ErrorCode.UNAUTHENTICATED, ErrorCode.STALE_NONCE);
    realm = challenge.message().first(Realm.class).orElseThrow().value();
    nonce = challenge.message().first(Nonce.class).orElseThrow().value();
  }

  /** Sends {@code bytes} and decodes the answer with the same transaction id. */
  DecodedMessage exchange(byte[] bytes) throws IOException {
    send(bytes);
    TransactionId expected = TransactionId.of(Arrays.copyOfRange(bytes, 8, 20));
    while (true) {
      DecodedMessage answer = decode(receive());
      if (answer.message().transactionId().equals(expected)) {
        return answer;
      }
    }
  }

  void send(byte[] bytes) throws IOException {
    socket.send(new DatagramPacket(bytes, bytes.length, server));
  }

  /** The next datagram from the server; fails the test after 2 s. */
  byte[] receive() throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
    socket.receive(packet);
    return Arrays.copyOf(packet.getData(), packet.getLength());
  }

  /** The next datagram within {@code millis}, or null. */
  byte[] receiveWithin(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return receive();
    } catch (SocketTimeoutException e) {
      return null;
    } finally {
      socket.setSoTimeout(2_000);
    }
  }

  static DecodedMessage decode(byte[] bytes) {
    try {
      return StunDecoder.decode(bytes);
    } catch (dev.junction.stun.StunParseException e) {
      throw new AssertionError("the server sent something that is not STUN", e);
    }
  }

  /** The error code of an error response; 0 for a success. */
  static int errorCode(DecodedMessage answer) {
    return answer.message().first(ErrorCode.class).map(ErrorCode::code).orElse(0);
  }

  @Override
  public void close() {
    socket.close();
  }
}
