package dev.junction.turn;

import dev.junction.stun.ChannelNumber;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.EvenPort;
import dev.junction.stun.IntegrityKey;
import dev.junction.stun.Lifetime;
import dev.junction.stun.Method;
import dev.junction.stun.RequestedAddressFamily;
import dev.junction.stun.RequestedTransport;
import dev.junction.stun.ReservationToken;
import dev.junction.stun.StunAttribute;
import dev.junction.stun.StunMessage;
import dev.junction.stun.XorMappedAddress;
import dev.junction.stun.XorPeerAddress;
import dev.junction.stun.XorRelayedAddress;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The four authenticated TURN requests of RFC 8656: Allocate (§7), Refresh (§8),
 * CreatePermission (§10) and ChannelBind (§11), each answered exactly as the RFC orders its
 * checks. Runs on the client's event loop.
 */
final class AllocationRequests {

  /**
   * How many ports to try when the one picked is taken by another program. Linux hands out
   * ephemeral ports from 32768–60999, inside the default relay range, so on a busy host a fair
   * share of the range can be in use by other sockets.
   */
  private static final int BIND_ATTEMPTS = 32;

  private final TurnSettings settings;
  private final AllocationTable table;
  private final RelayPortRange ports;
  private final Reservations reservations;
  private final RelayBinder binder;
  private final PeerAddressPolicy policy;
  private final TurnEvents events;
  private final LongSupplier clockMillis;
  private PeerDataSink peerData;

  /** Where the relay socket of a new allocation delivers peer datagrams. */
  interface PeerDataSink {
    void onPeerData(Allocation allocation, ClientLink link, InetSocketAddress peer, io.netty.buffer.ByteBuf data);
  }

  AllocationRequests(TurnSettings settings, AllocationTable table, RelayPortRange ports, Reservations reservations,
      RelayBinder binder, PeerAddressPolicy policy, TurnEvents events, LongSupplier clockMillis) {
    this.settings = settings;
    this.table = table;
    this.ports = ports;
    this.reservations = reservations;
    this.binder = binder;
    this.policy = policy;
    this.events = events;
    this.clockMillis = clockMillis;
  }

  void deliverPeerDataTo(PeerDataSink sink) {
    this.peerData = sink;
  }

  static boolean handles(Method method) {
    return method.equals(Method.ALLOCATE) || method.equals(Method.REFRESH)
        || method.equals(Method.CREATE_PERMISSION) || method.equals(Method.CHANNEL_BIND);
  }

  void handle(ClientLink link, StunMessage request, Authenticator.Outcome.Authenticated user, Consumer<byte[]> respond) {
    Method method = request.type().method();
    if (method.equals(Method.ALLOCATE)) {
      allocate(link, request, user, respond);
      return;
    }
    Allocation allocation = live(link.fiveTuple());
    if (allocation == null) {
      refuse(respond, request, user.key(), ErrorCode.ALLOCATION_MISMATCH, "Allocation Mismatch",
          TurnEvents.Rejection.ALLOCATION_MISMATCH);
    } else if (!allocation.username().equals(user.username())) {
      refuse(respond, request, user.key(), ErrorCode.WRONG_CREDENTIALS, "Wrong Credentials",
          TurnEvents.Rejection.WRONG_CREDENTIALS);
    } else if (method.equals(Method.REFRESH)) {
      refresh(allocation, request, user.key(), respond);
    } else if (method.equals(Method.CREATE_PERMISSION)) {
      createPermission(allocation, request, user.key(), respond);
    } else {
      channelBind(allocation, request, user.key(), respond);
    }
  }

  private void allocate(ClientLink link, StunMessage request, Authenticator.Outcome.Authenticated user,
      Consumer<byte[]> respond) {
    IntegrityKey key = user.key();
    if (live(link.fiveTuple()) != null) {
      refuse(respond, request, key, ErrorCode.ALLOCATION_MISMATCH, "Allocation Mismatch",
          TurnEvents.Rejection.ALLOCATION_MISMATCH);
      return;
    }
    Optional<RequestedTransport> transport = request.first(RequestedTransport.class);
    if (transport.isEmpty()) {
      refuse(respond, request, key, ErrorCode.BAD_REQUEST, "REQUESTED-TRANSPORT is missing", TurnEvents.Rejection.BAD_REQUEST);
      return;
    }
    if (transport.get().protocol() != RequestedTransport.PROTOCOL_UDP) {
      refuse(respond, request, key, ErrorCode.UNSUPPORTED_TRANSPORT_PROTOCOL, "Unsupported Transport Protocol",
          TurnEvents.Rejection.UNSUPPORTED_TRANSPORT);
      return;
    }
    Optional<EvenPort> evenPort = request.first(EvenPort.class);
    Optional<ReservationToken> token = request.first(ReservationToken.class);
    Optional<RequestedAddressFamily> family = request.first(RequestedAddressFamily.class);
    if (token.isPresent() && (evenPort.isPresent() || family.isPresent())) {
      refuse(respond, request, key, ErrorCode.BAD_REQUEST, "RESERVATION-TOKEN excludes EVEN-PORT and REQUESTED-ADDRESS-FAMILY",
          TurnEvents.Rejection.BAD_REQUEST);
      return;
    }
    boolean ipv6 = family.isPresent() && family.get().family() == RequestedAddressFamily.FAMILY_IPV6;
    if (ipv6 && settings.relayV6() == null) {
      refuse(respond, request, key, ErrorCode.ADDRESS_FAMILY_NOT_SUPPORTED, "Address Family not Supported",
          TurnEvents.Rejection.ADDRESS_FAMILY);
      return;
    }
    String quotaKey = CredentialStore.quotaKey(user.username());
    if (!table.beginAllocate(link.fiveTuple())) {
      return; // a retransmission while the first copy binds its socket: that one will answer
    }
    if (!table.reserve(quotaKey)) {
      table.endAllocate(link.fiveTuple());
      refuse(respond, request, key, ErrorCode.ALLOCATION_QUOTA_REACHED, "Allocation Quota Reached", TurnEvents.Rejection.QUOTA);
      return;
    }
    Long newToken = evenPort.isPresent() && evenPort.get().reserveNext() ? reservations.newToken() : null;
    OptionalInt port = token.isPresent() ? reservations.take(token.get().token())
        : evenPort.isPresent() && evenPort.get().reserveNext() ? ports.acquirePair()
        : ports.acquire(evenPort.isPresent());
    if (port.isEmpty()) {
      table.release(quotaKey);
      table.endAllocate(link.fiveTuple());
      refuse(respond, request, key, ErrorCode.INSUFFICIENT_CAPACITY, "Insufficient Capacity", TurnEvents.Rejection.CAPACITY);
      return;
    }
    if (newToken != null) {
      reservations.hold(newToken, port.getAsInt() + 1);
    }
    PendingAllocate pending = new PendingAllocate(link, request, user, quotaKey, ipv6, newToken, respond);
    bind(pending, port.getAsInt(), BIND_ATTEMPTS);
  }

  private record PendingAllocate(ClientLink link, StunMessage request, Authenticator.Outcome.Authenticated user,
      String quotaKey, boolean ipv6, Long reservationToken, Consumer<byte[]> respond) {}

  private void bind(PendingAllocate pending, int port, int attemptsLeft) {
    InetAddress relayIp = pending.ipv6() ? settings.relayV6() : settings.relayV4();
    Allocation[] created = new Allocation[1];
    binder.bind(new InetSocketAddress(relayIp, port), pending.link().eventLoop(),
            (peer, data) -> {
              if (created[0] == null) {
                data.release();
              } else {
                peerData.onPeerData(created[0], pending.link(), peer, data);
              }
            })
        .addListener(bound -> {
          try {
            completeBind(pending, bound, port, attemptsLeft, created);
          } finally {
            pending.link().flush(); // this runs after the read that asked for it: flush ourselves
          }
        });
  }

  /** The relay socket is bound (open the allocation) or not (try another port, then 508). */
  private void completeBind(PendingAllocate pending, io.netty.util.concurrent.Future<?> bound, int port,
      int attemptsLeft, Allocation[] created) {
    if (bound.isSuccess()) {
      created[0] = open(pending, (RelaySocket) bound.getNow(), port);
      return;
    }
    ports.release(port);
    OptionalInt another = attemptsLeft > 1 ? ports.acquire(false) : OptionalInt.empty();
    if (another.isPresent()) {
      bind(pending, another.getAsInt(), attemptsLeft - 1);
    } else {
      table.release(pending.quotaKey());
      table.endAllocate(pending.link().fiveTuple());
      refuse(pending.respond(), pending.request(), pending.user().key(), ErrorCode.INSUFFICIENT_CAPACITY,
          "Insufficient Capacity", TurnEvents.Rejection.CAPACITY);
    }
  }

  private Allocation open(PendingAllocate pending, RelaySocket socket, int port) {
    long now = clockMillis.getAsLong();
    StunMessage request = pending.request();
    long lifetime = Lifetimes.allocationMillis(requestedLifetime(request), settings.maxAllocationLifetimeSeconds());
    InetAddress external = pending.ipv6() ? settings.externalV6() : settings.externalV4();
    Allocation allocation = new Allocation(pending.link().fiveTuple(), pending.user().username(),
        pending.user().key().bytes().toByteArray(), socket, new InetSocketAddress(external, port), lifetime,
        settings.maxPermissionsPerAllocation(), settings.bandwidthBytesPerSecond(), now, pending.quotaKey());
    table.put(allocation);
    table.endAllocate(pending.link().fiveTuple());
    events.allocationCreated();
    List<StunAttribute> attributes = new ArrayList<>(List.of(
        new XorRelayedAddress(allocation.relayedAddress()),
        new Lifetime(allocation.remainingSeconds(now)),
        new XorMappedAddress(pending.link().fiveTuple().client())));
    if (pending.reservationToken() != null) {
      attributes.add(new ReservationToken(pending.reservationToken()));
    }
    pending.respond().accept(Responses.success(request, pending.user().key(), attributes));
    return allocation;
  }

  private void refresh(Allocation allocation, StunMessage request, IntegrityKey key, Consumer<byte[]> respond) {
    Optional<RequestedAddressFamily> family = request.first(RequestedAddressFamily.class);
    if (family.isPresent() && family.get().family() != familyOf(allocation.relayedAddress().getAddress())) {
      refuse(respond, request, key, ErrorCode.PEER_ADDRESS_FAMILY_MISMATCH, "Peer Address Family Mismatch",
          TurnEvents.Rejection.ADDRESS_FAMILY);
      return;
    }
    long now = clockMillis.getAsLong();
    long requested = requestedLifetime(request);
    if (requested == 0) {
      close(allocation);
      respond.accept(Responses.success(request, key, List.of(new Lifetime(0))));
      return;
    }
    allocation.refresh(Lifetimes.allocationMillis(requested, settings.maxAllocationLifetimeSeconds()), now);
    respond.accept(Responses.success(request, key, List.of(new Lifetime(allocation.remainingSeconds(now)))));
  }

  private void createPermission(Allocation allocation, StunMessage request, IntegrityKey key, Consumer<byte[]> respond) {
    List<XorPeerAddress> peers = request.all(XorPeerAddress.class);
    if (peers.isEmpty()) {
      refuse(respond, request, key, ErrorCode.BAD_REQUEST, "XOR-PEER-ADDRESS is missing", TurnEvents.Rejection.BAD_REQUEST);
      return;
    }
    // All or nothing (§10.2): every peer is checked before any permission is installed.
    for (XorPeerAddress peer : peers) {
      if (!acceptablePeer(allocation, peer.address(), request, key, respond)) {
        return;
      }
    }
    long now = clockMillis.getAsLong();
    for (XorPeerAddress peer : peers) {
      if (!allocation.permit(peer.address().getAddress(), now)) {
        refuse(respond, request, key, ErrorCode.INSUFFICIENT_CAPACITY, "Insufficient Capacity", TurnEvents.Rejection.CAPACITY);
        return;
      }
      events.permissionCreated();
    }
    respond.accept(Responses.success(request, key, List.of()));
  }

  private void channelBind(Allocation allocation, StunMessage request, IntegrityKey key, Consumer<byte[]> respond) {
    Optional<ChannelNumber> channel = request.first(ChannelNumber.class);
    Optional<XorPeerAddress> peer = request.first(XorPeerAddress.class);
    if (channel.isEmpty() || !ChannelData.isValidChannel(channel.get().channel()) || peer.isEmpty()) {
      refuse(respond, request, key, ErrorCode.BAD_REQUEST, "ChannelBind needs a CHANNEL-NUMBER in 0x4000-0x7FFE and XOR-PEER-ADDRESS",
          TurnEvents.Rejection.BAD_REQUEST);
      return;
    }
    InetSocketAddress address = peer.get().address();
    if (!acceptablePeer(allocation, address, request, key, respond)) {
      return;
    }
    long now = clockMillis.getAsLong();
    Allocation.Bind bound = allocation.bind(channel.get().channel(), address, now);
    if (bound != Allocation.Bind.BOUND) {
      refuse(respond, request, key, ErrorCode.BAD_REQUEST, bound == Allocation.Bind.CHANNEL_TAKEN
          ? "the channel is bound to another peer" : "the peer is bound to another channel", TurnEvents.Rejection.BAD_REQUEST);
      return;
    }
    if (!allocation.permit(address.getAddress(), now)) {
      refuse(respond, request, key, ErrorCode.INSUFFICIENT_CAPACITY, "Insufficient Capacity", TurnEvents.Rejection.CAPACITY);
      return;
    }
    events.channelBound();
    respond.accept(Responses.success(request, key, List.of()));
  }

  /**
   * The policy allows the peer (else 403) and its family matches the relay's (else 443). The
   * policy goes first: a forbidden address is refused as such whatever its family.
   */
  private boolean acceptablePeer(Allocation allocation, InetSocketAddress peer, StunMessage request, IntegrityKey key,
      Consumer<byte[]> respond) {
    PeerAddressPolicy.Verdict verdict = policy.check(peer);
    if (!verdict.allowed()) {
      refuse(respond, request, key, ErrorCode.FORBIDDEN, "Forbidden: " + verdict.name().toLowerCase(java.util.Locale.ROOT)
          .replace('_', ' '), TurnEvents.Rejection.FORBIDDEN_PEER);
      return false;
    }
    InetAddress canonical = PeerAddresses.canonical(peer.getAddress());
    if (familyOf(canonical) != familyOf(allocation.relayedAddress().getAddress())) {
      refuse(respond, request, key, ErrorCode.PEER_ADDRESS_FAMILY_MISMATCH, "Peer Address Family Mismatch",
          TurnEvents.Rejection.ADDRESS_FAMILY);
      return false;
    }
    return true;
  }

  /**
   * The allocation on {@code fiveTuple}, or null; one whose lifetime has run out is closed here
   * rather than waiting for the sweep, so it is gone the moment it expires (RFC 8656 §7).
   */
  Allocation live(FiveTuple fiveTuple) {
    return live(fiveTuple, clockMillis.getAsLong());
  }

  /** {@link #live(FiveTuple)} at {@code nowMillis}, for callers that already read the clock. */
  Allocation live(FiveTuple fiveTuple, long nowMillis) {
    Allocation allocation = table.get(fiveTuple);
    if (allocation != null && allocation.isExpired(nowMillis)) {
      close(allocation);
      return null;
    }
    return allocation;
  }

  /** Deletes {@code allocation} and frees its port, quota slot and socket. On its loop. */
  void close(Allocation allocation) {
    if (table.remove(allocation)) {
      allocation.relay().close();
      ports.release(allocation.relayedAddress().getPort());
      table.release(allocation.quotaKey());
      events.allocationClosed();
    }
  }

  private void refuse(Consumer<byte[]> respond, StunMessage request, IntegrityKey key, int code, String reason,
      TurnEvents.Rejection rejection) {
    events.rejected(rejection);
    respond.accept(Responses.error(request, code, reason, key, List.of()));
  }

  private static long requestedLifetime(StunMessage request) {
    return request.first(Lifetime.class).map(Lifetime::seconds).orElse(-1L);
  }

  private static int familyOf(InetAddress address) {
    return address instanceof Inet6Address ? RequestedAddressFamily.FAMILY_IPV6 : RequestedAddressFamily.FAMILY_IPV4;
  }
}
