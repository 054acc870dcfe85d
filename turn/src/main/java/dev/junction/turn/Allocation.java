package dev.junction.turn;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One allocation (RFC 8656 §2.2): a relayed transport address lent to a client, with the
 * permissions and channel bindings that say which peers may use it, and its lifetime.
 *
 * <p>Confined to one event loop: the one serving its client's 5-tuple, which also reads its relay
 * socket. No locks.
 */
public final class Allocation {

  /** What a ChannelBind did (§11.2). */
  public enum Bind {
    BOUND,
    /** The channel number is (or was lately) bound to another peer. */
    CHANNEL_TAKEN,
    /** The peer is (or was lately) bound to another channel number. */
    PEER_TAKEN
  }

  private final FiveTuple fiveTuple;
  private final String username;
  private final String quotaKey;
  private final byte[] integrityKey;
  private final RelaySocket relay;
  private final InetSocketAddress relayedAddress;
  private final int maxPermissions;
  private final ByteBudget toPeers;
  private final ByteBudget toClient;
  private final Map<InetAddress, Long> permissionExpiry = new HashMap<>();
  private final Map<Integer, ChannelBinding> byChannel = new HashMap<>();
  private final Map<InetSocketAddress, ChannelBinding> byPeer = new HashMap<>();
  /** Read by the expiry sweep on another thread. */
  private volatile long expiresAtMillis;
  private volatile int permissions;
  private volatile int channels;

  /**
   * @param relayedAddress the address advertised in XOR-RELAYED-ADDRESS (the external address
   *     with the relay socket's port)
   * @param integrityKey the long-term key the Allocate was authenticated with; later requests
   *     must use the same username (else 441), and responses are signed with it
   * @param quotaKey whom the allocation counts against in the per-user quota
   */
  public Allocation(FiveTuple fiveTuple, String username, byte[] integrityKey, RelaySocket relay,
      InetSocketAddress relayedAddress, long lifetimeMillis, int maxPermissions, long bytesPerSecond,
      long nowMillis, String quotaKey) {
    this.fiveTuple = fiveTuple;
    this.username = username;
    this.quotaKey = quotaKey;
    this.integrityKey = integrityKey.clone();
    this.relay = relay;
    this.relayedAddress = relayedAddress;
    this.maxPermissions = maxPermissions;
    this.toPeers = new ByteBudget(bytesPerSecond);
    this.toClient = new ByteBudget(bytesPerSecond);
    this.expiresAtMillis = nowMillis + lifetimeMillis;
  }

  public FiveTuple fiveTuple() {
    return fiveTuple;
  }

  public String username() {
    return username;
  }

  public String quotaKey() {
    return quotaKey;
  }

  public byte[] integrityKey() {
    return integrityKey.clone();
  }

  public RelaySocket relay() {
    return relay;
  }

  public InetSocketAddress relayedAddress() {
    return relayedAddress;
  }

  public boolean isExpired(long nowMillis) {
    return nowMillis >= expiresAtMillis;
  }

  /** Seconds of life left, as LIFETIME reports it. */
  public long remainingSeconds(long nowMillis) {
    return Math.max(0, (expiresAtMillis - nowMillis) / 1000);
  }

  public void refresh(long lifetimeMillis, long nowMillis) {
    expiresAtMillis = nowMillis + lifetimeMillis;
  }

  /** Installs or refreshes the permission for {@code peer} (§9; the port is ignored); false when the cap is reached. */
  public boolean permit(InetAddress peer, long nowMillis) {
    if (!permissionExpiry.containsKey(peer)) {
      expirePermissions(nowMillis);
      if (permissionExpiry.size() >= maxPermissions) {
        return false;
      }
    }
    permissionExpiry.put(peer, nowMillis + Lifetimes.PERMISSION_MILLIS);
    permissions = permissionExpiry.size();
    return true;
  }

  /** Whether {@code peer} may exchange data with this allocation now. */
  public boolean isPermitted(InetAddress peer, long nowMillis) {
    Long expiry = permissionExpiry.get(peer);
    return expiry != null && nowMillis < expiry;
  }

  /**
   * Binds {@code channel} to {@code peer} or refreshes that binding (§11.2). The caller installs
   * the permission too.
   */
  public Bind bind(int channel, InetSocketAddress peer, long nowMillis) {
    ChannelBinding numbered = byChannel.get(channel);
    if (numbered != null && numbered.isHeld(nowMillis) && !numbered.peer.equals(peer)) {
      return Bind.CHANNEL_TAKEN;
    }
    ChannelBinding addressed = byPeer.get(peer);
    if (addressed != null && addressed.isHeld(nowMillis) && addressed.channel != channel) {
      return Bind.PEER_TAKEN;
    }
    long expiry = nowMillis + Lifetimes.CHANNEL_MILLIS;
    if (numbered != null && numbered.peer.equals(peer)) {
      numbered.expiresAtMillis = expiry;
    } else {
      ChannelBinding binding = new ChannelBinding(channel, peer, expiry);
      if (numbered != null) {
        byPeer.remove(numbered.peer);
      }
      if (addressed != null) {
        byChannel.remove(addressed.channel);
      }
      byChannel.put(channel, binding);
      byPeer.put(peer, binding);
      channels = byChannel.size();
    }
    return Bind.BOUND;
  }

  /** The peer bound to {@code channel}, or null when none is bound now. */
  public InetSocketAddress peerOf(int channel, long nowMillis) {
    ChannelBinding binding = byChannel.get(channel);
    return binding != null && binding.isActive(nowMillis) ? binding.peer : null;
  }

  /** The channel bound to {@code peer}, or -1 when none is bound now. */
  public int channelOf(InetSocketAddress peer, long nowMillis) {
    ChannelBinding binding = byPeer.get(peer);
    return binding != null && binding.isActive(nowMillis) ? binding.channel : -1;
  }

  /** Spends the bandwidth for {@code bytes} toward peers; false when over the quota. */
  public boolean budgetToPeers(int bytes, long nowMillis) {
    return toPeers.trySpend(bytes, nowMillis);
  }

  /** Spends the bandwidth for {@code bytes} toward the client; false when over the quota. */
  public boolean budgetToClient(int bytes, long nowMillis) {
    return toClient.trySpend(bytes, nowMillis);
  }

  /** Forgets permissions and bindings whose time (and rebinding hold) has passed. */
  public void expire(long nowMillis) {
    expirePermissions(nowMillis);
    for (Iterator<ChannelBinding> it = byChannel.values().iterator(); it.hasNext(); ) {
      ChannelBinding binding = it.next();
      if (!binding.isHeld(nowMillis)) {
        it.remove();
        byPeer.remove(binding.peer);
      }
    }
    channels = byChannel.size();
  }

  private void expirePermissions(long nowMillis) {
    permissionExpiry.values().removeIf(expiry -> nowMillis >= expiry);
    permissions = permissionExpiry.size();
  }

  /** Permissions held (any thread; for metrics). */
  public int permissionCount() {
    return permissions;
  }

  /** Channel bindings held now, active or in their rebinding hold (any thread; for metrics). */
  public int channelCount() {
    return channels;
  }
}
