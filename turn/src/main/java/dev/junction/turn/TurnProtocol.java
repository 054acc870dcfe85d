package dev.junction.turn;

import dev.junction.stun.Data;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.MessageClass;
import dev.junction.stun.MessageType;
import dev.junction.stun.Method;
import dev.junction.stun.Nonce;
import dev.junction.stun.Realm;
import dev.junction.stun.StunAttribute;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunMessage;
import dev.junction.stun.StunParseException;
import dev.junction.stun.TransactionId;
import dev.junction.stun.UnknownAttributes;
import dev.junction.stun.XorMappedAddress;
import dev.junction.stun.XorPeerAddress;
import dev.junction.turn.io.PacketHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The STUN/TURN protocol engine: every packet from a client and every datagram from a peer goes
 * through here. STUN requests are decoded and answered (Binding here, the four TURN requests in
 * {@link AllocationRequests}); ChannelData and Send indications are relayed to peers; peer
 * datagrams go back as ChannelData or Data indications.
 *
 * <p>Thread-safe: each call runs on the event loop of the client (or relay socket) involved, and
 * an allocation is only touched on its own loop; shared tables are concurrent.
 */
public final class TurnProtocol implements PacketHandler {

  private final AllocationRequests requests;
  private final TransactionMemory memory;
  private final Authenticator authenticator;
  private final SourceRateLimiter unauthenticatedAnswers;
  private final PeerAddressPolicy policy;
  private final TurnEvents events;
  private final LongSupplier clockMillis;

  TurnProtocol(AllocationRequests requests, TransactionMemory memory,
      Authenticator authenticator, SourceRateLimiter unauthenticatedAnswers, PeerAddressPolicy policy,
      TurnEvents events, LongSupplier clockMillis) {
    this.requests = requests;
    this.memory = memory;
    this.authenticator = authenticator;
    this.unauthenticatedAnswers = unauthenticatedAnswers;
    this.policy = policy;
    this.events = events;
    this.clockMillis = clockMillis;
  }

  @Override
  public void onClientPacket(ClientLink link, ByteBuf packet) {
    try {
      if (packet.readableBytes() >= ChannelData.HEADER_BYTES
          && ChannelData.startsChannelData(packet.getUnsignedByte(packet.readerIndex()))) {
        relayChannelData(link, packet);
      } else {
        onStun(link, packet);
      }
    } finally {
      packet.release();
    }
  }

  private void onStun(ClientLink link, ByteBuf packet) {
    DecodedMessage decoded;
    try {
      decoded = StunDecoder.decode(packet.nioBuffer());
    } catch (StunParseException e) {
      // Not answered: an answer to garbage from a spoofable source only helps an attacker.
      events.rejected(TurnEvents.Rejection.MALFORMED);
      return;
    }
    StunMessage message = decoded.message();
    MessageClass kind = message.type().messageClass();
    Method method = message.type().method();
    if (kind == MessageClass.REQUEST) {
      onRequest(link, decoded);
    } else if (kind == MessageClass.INDICATION && method.equals(Method.SEND)) {
      relaySendIndication(link, message);
    }
    // Binding indications are keepalives, and responses are not ours to receive: nothing to do.
  }

  private void onRequest(ClientLink link, DecodedMessage decoded) {
    StunMessage request = decoded.message();
    long now = clockMillis.getAsLong();
    byte[] earlier = memory.recall(link.fiveTuple(), request.transactionId(), request.type().method(), now);
    if (earlier != null) {
      link.send(Unpooled.wrappedBuffer(earlier));
      return;
    }
    Method method = request.type().method();
    if (method.equals(Method.BINDING)) {
      answerBinding(link, request);
      return;
    }
    if (!AllocationRequests.handles(method)) {
      reply(link, Responses.error(request, ErrorCode.BAD_REQUEST, "Unknown method", null, List.of()));
      events.rejected(TurnEvents.Rejection.BAD_REQUEST);
      return;
    }
    Authenticator.Outcome outcome = authenticator.check(decoded, link.fiveTuple().client(), Instant.ofEpochMilli(now));
    if (outcome instanceof Authenticator.Outcome.Refused refused) {
      refuse(link, request, refused);
      return;
    }
    Authenticator.Outcome.Authenticated user = (Authenticator.Outcome.Authenticated) outcome;
    List<Integer> unknown = request.unknownComprehensionRequired();
    if (!unknown.isEmpty()) {
      events.rejected(TurnEvents.Rejection.UNKNOWN_ATTRIBUTE);
      answer(link, request, Responses.error(request, ErrorCode.UNKNOWN_ATTRIBUTE,
          "Unknown Attribute", user.key(), List.of(new UnknownAttributes(unknown))), now);
      return;
    }
    requests.handle(link, request, user, response -> answer(link, request, response, clockMillis.getAsLong()));
  }

  /** RFC 8489 §7.3: the reflexive address, to anyone, without authentication. */
  private void answerBinding(ClientLink link, StunMessage request) {
    if (!request.unknownComprehensionRequired().isEmpty()) {
      reply(link, Responses.error(request, ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute", null,
          List.of(new UnknownAttributes(request.unknownComprehensionRequired()))));
      return;
    }
    reply(link, Responses.success(request, null, List.of(new XorMappedAddress(link.fiveTuple().client()))));
    events.bindingAnswered();
  }

  /** 401 and 438 go out at most N per second per source: they are what reflection attacks use. */
  private void refuse(ClientLink link, StunMessage request, Authenticator.Outcome.Refused refused) {
    events.rejected(refused.rejection());
    if (!refused.carriesNonce()) {
      reply(link, Responses.error(request, refused.code(), refused.reason(), null, List.of()));
      return;
    }
    if (!unauthenticatedAnswers.tryAcquire(link.fiveTuple().client().getAddress())) {
      events.rejected(TurnEvents.Rejection.RATE_LIMITED);
      return;
    }
    List<StunAttribute> challenge = List.of(new Realm(authenticator.realm()),
        new Nonce(authenticator.newNonce(link.fiveTuple().client())));
    reply(link, Responses.error(request, refused.code(), refused.reason(), null, challenge));
  }

  /** Sends an answer to an authenticated request and remembers it for retransmissions. */
  private void answer(ClientLink link, StunMessage request, byte[] response, long now) {
    memory.remember(link.fiveTuple(), request.transactionId(), request.type().method(), response, now);
    reply(link, response);
  }

  private static void reply(ClientLink link, byte[] response) {
    link.send(Unpooled.wrappedBuffer(response));
  }

  /** ChannelData from the client (RFC 8656 §12.6): to the peer bound to the channel, or dropped. */
  private void relayChannelData(ClientLink link, ByteBuf packet) {
    int start = packet.readerIndex();
    int channel = packet.getUnsignedShort(start);
    int length = packet.getUnsignedShort(start + 2);
    if (length > packet.readableBytes() - ChannelData.HEADER_BYTES) {
      events.rejected(TurnEvents.Rejection.MALFORMED);
      return;
    }
    long now = clockMillis.getAsLong();
    Allocation allocation = requests.live(link.fiveTuple(), now);
    InetSocketAddress peer = allocation == null ? null : allocation.peerOf(channel, now);
    if (peer == null) {
      events.rejected(TurnEvents.Rejection.NO_CHANNEL);
      return;
    }
    // The packet is ours: narrowed to the application data, it goes out as is.
    packet.setIndex(start + ChannelData.HEADER_BYTES, start + ChannelData.HEADER_BYTES + length);
    sendToPeer(allocation, peer, packet.retain(), now);
  }

  /** A Send indication (RFC 8656 §10.2): relayed when the peer is permitted, silently dropped otherwise. */
  private void relaySendIndication(ClientLink link, StunMessage indication) {
    long now = clockMillis.getAsLong();
    Allocation allocation = requests.live(link.fiveTuple(), now);
    var peer = indication.first(XorPeerAddress.class);
    var data = indication.first(Data.class);
    if (allocation == null || peer.isEmpty() || data.isEmpty()) {
      events.rejected(TurnEvents.Rejection.BAD_REQUEST);
      return;
    }
    InetSocketAddress address = peer.get().address();
    if (!policy.check(address).allowed()) {
      events.rejected(TurnEvents.Rejection.FORBIDDEN_PEER);
      return;
    }
    sendToPeer(allocation, address, Unpooled.wrappedBuffer(data.get().value().toByteArray()), now);
  }

  private void sendToPeer(Allocation allocation, InetSocketAddress peer, ByteBuf payload, long now) {
    if (!allocation.isPermitted(peer.getAddress(), now)) {
      payload.release();
      events.rejected(TurnEvents.Rejection.NO_PERMISSION);
      return;
    }
    int bytes = payload.readableBytes();
    if (!allocation.budgetToPeers(bytes, now)) {
      payload.release();
      events.rejected(TurnEvents.Rejection.BANDWIDTH);
      return;
    }
    allocation.relay().send(peer, payload);
    events.relayedToPeer(bytes);
  }

  /**
   * A datagram from a peer to an allocation's relay socket (RFC 8656 §10.3, §12.6): to the client
   * as ChannelData when a channel is bound to that peer, else as a Data indication; dropped
   * without a permission. Releases {@code data}.
   */
  void onPeerData(Allocation allocation, ClientLink link, InetSocketAddress peer, ByteBuf data) {
    try {
      long now = clockMillis.getAsLong();
      int bytes = data.readableBytes();
      if (!allocation.isPermitted(peer.getAddress(), now)) {
        events.rejected(TurnEvents.Rejection.NO_PERMISSION);
        return;
      }
      if (!allocation.budgetToClient(bytes, now)) {
        events.rejected(TurnEvents.Rejection.BANDWIDTH);
        return;
      }
      int channel = allocation.channelOf(peer, now);
      link.send(channel >= 0 ? channelData(link, channel, data) : dataIndication(peer, data));
      events.relayedToClient(bytes);
    } finally {
      data.release();
    }
  }

  /**
   * Over TCP and TLS the message is padded to a multiple of 4 (§12.5); over UDP it need not be, so
   * when the relay socket left room before the datagram (the bytes there are ours, {@link
   * RelayBinder.PeerDataHandler}) the header is written there and nothing is copied.
   */
  private static ByteBuf channelData(ClientLink link, int channel, ByteBuf data) {
    int length = data.readableBytes();
    boolean stream = link.fiveTuple().transport() != FiveTuple.Transport.UDP;
    if (!stream && data.readerIndex() >= ChannelData.HEADER_BYTES) {
      int start = data.readerIndex() - ChannelData.HEADER_BYTES;
      data.setShort(start, channel).setShort(start + 2, length).readerIndex(start);
      return data.retain();
    }
    int total = stream ? ChannelData.streamFrameLength(length) : ChannelData.HEADER_BYTES + length;
    ByteBuf out = data.alloc().buffer(total);
    out.writeShort(channel).writeShort(length).writeBytes(data, data.readerIndex(), length);
    out.writeZero(total - out.writerIndex());
    return out;
  }

  private static ByteBuf dataIndication(InetSocketAddress peer, ByteBuf data) {
    byte[] payload = new byte[data.readableBytes()];
    data.getBytes(data.readerIndex(), payload);
    byte[] indication = StunMessage.builder(MessageType.of(Method.DATA, MessageClass.INDICATION), TransactionId.random())
        .add(new XorPeerAddress(peer))
        .add(new Data(dev.junction.stun.Bytes.of(payload)))
        .encode();
    return Unpooled.wrappedBuffer(indication);
  }
}
