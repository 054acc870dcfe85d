package dev.junction.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 8656 state rules of one allocation, on a clock the test moves (no sleeps). */
class AllocationTest {

  private static final InetSocketAddress PEER = new InetSocketAddress("198.51.100.5", 5000);
  private static final InetSocketAddress OTHER_PEER = new InetSocketAddress("198.51.100.6", 6000);

  private long now = 1_000_000;
  private final Allocation allocation = new Allocation(
      new FiveTuple(new InetSocketAddress("192.0.2.1", 40000), new InetSocketAddress("192.0.2.100", 3478),
          FiveTuple.Transport.UDP),
      "alice", new byte[16], new NoRelay(), new InetSocketAddress("192.0.2.100", 50000),
      Lifetimes.DEFAULT_ALLOCATION_MILLIS, 3, 1000, now, "alice");

  @Test
  void lifetimeIsTheDefaultUnlessMoreIsAskedAndNeverAboveTheMaximum() {
    assertThat(Lifetimes.allocationMillis(-1, 3600)).isEqualTo(600_000);
    assertThat(Lifetimes.allocationMillis(30, 3600)).isEqualTo(600_000);
    assertThat(Lifetimes.allocationMillis(1200, 3600)).isEqualTo(1_200_000);
    assertThat(Lifetimes.allocationMillis(99_999, 3600)).isEqualTo(3_600_000);
  }

  @Test
  void expiresWhenItsLifetimeRunsOutUnlessRefreshed() {
    assertThat(allocation.remainingSeconds(now)).isEqualTo(600);
    now += 599_999;
    assertThat(allocation.isExpired(now)).isFalse();
    allocation.refresh(Lifetimes.DEFAULT_ALLOCATION_MILLIS, now);
    now += 600_000;
    assertThat(allocation.isExpired(now)).isTrue();
  }

  @Test
  void aPermissionCoversTheIpAddressWhateverThePortForFiveMinutes() {
    assertThat(allocation.isPermitted(PEER.getAddress(), now)).isFalse();
    assertThat(allocation.permit(PEER.getAddress(), now)).isTrue();
    assertThat(allocation.isPermitted(Addresses.literal("198.51.100.5"), now + 299_999)).isTrue();
    assertThat(allocation.isPermitted(PEER.getAddress(), now + 300_000)).isFalse();
  }

  @Test
  void permissionsAreCappedButRefreshingOneIsAlwaysAllowed() {
    assertThat(allocation.permit(Addresses.literal("198.51.100.1"), now)).isTrue();
    assertThat(allocation.permit(Addresses.literal("198.51.100.2"), now)).isTrue();
    assertThat(allocation.permit(Addresses.literal("198.51.100.3"), now)).isTrue();
    assertThat(allocation.permit(Addresses.literal("198.51.100.4"), now)).isFalse();
    assertThat(allocation.permit(Addresses.literal("198.51.100.2"), now)).isTrue();
    // Expired permissions free their places.
    assertThat(allocation.permit(Addresses.literal("198.51.100.4"), now + 300_000)).isTrue();
  }

  @Test
  void aChannelBindsOnePeerAndRefreshesForTenMinutes() {
    assertThat(allocation.bind(0x4001, PEER, now)).isEqualTo(Allocation.Bind.BOUND);
    assertThat(allocation.peerOf(0x4001, now)).isEqualTo(PEER);
    assertThat(allocation.channelOf(PEER, now)).isEqualTo(0x4001);
    now += 599_000;
    assertThat(allocation.bind(0x4001, PEER, now)).isEqualTo(Allocation.Bind.BOUND);
    now += 599_000;
    assertThat(allocation.peerOf(0x4001, now)).isEqualTo(PEER);
    now += 1_000;
    assertThat(allocation.peerOf(0x4001, now)).isNull();
    assertThat(allocation.channelOf(PEER, now)).isEqualTo(-1);
  }

  @Test
  void neitherTheNumberNorThePeerMayBeReboundElsewhereWhileBoundOrHeld() {
    allocation.bind(0x4001, PEER, now);
    assertThat(allocation.bind(0x4001, OTHER_PEER, now)).isEqualTo(Allocation.Bind.CHANNEL_TAKEN);
    assertThat(allocation.bind(0x4002, PEER, now)).isEqualTo(Allocation.Bind.PEER_TAKEN);
    // Expired, but within the five-minute hold: still refused.
    now += Lifetimes.CHANNEL_MILLIS + 299_000;
    assertThat(allocation.bind(0x4001, OTHER_PEER, now)).isEqualTo(Allocation.Bind.CHANNEL_TAKEN);
    // The same pair may be bound again at any time.
    assertThat(allocation.bind(0x4001, PEER, now)).isEqualTo(Allocation.Bind.BOUND);
    now += Lifetimes.CHANNEL_MILLIS + Lifetimes.CHANNEL_REBIND_HOLD_MILLIS;
    allocation.expire(now);
    assertThat(allocation.channelCount()).isZero();
    assertThat(allocation.bind(0x4001, OTHER_PEER, now)).isEqualTo(Allocation.Bind.BOUND);
  }

  @Test
  void bandwidthOverTheQuotaIsRefusedUntilTheNextSecond() {
    assertThat(allocation.budgetToPeers(600, now)).isTrue();
    assertThat(allocation.budgetToPeers(600, now)).isFalse();
    assertThat(allocation.budgetToClient(1000, now)).isTrue();
    assertThat(allocation.budgetToPeers(600, now + 1000)).isTrue();
  }

  private static final class NoRelay implements RelaySocket {
    @Override
    public InetSocketAddress localAddress() {
      return new InetSocketAddress("192.0.2.100", 50000);
    }

    @Override
    public void send(InetSocketAddress peer, ByteBuf data) {
      data.release();
    }

    @Override
    public void close() {}

    @Override
    public io.netty.channel.EventLoop eventLoop() {
      throw new UnsupportedOperationException("not needed by these tests");
    }
  }
}
