package dev.junction.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.stun.Bytes;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.MessageType;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunParseException;
import dev.junction.stun.TransactionId;
import dev.junction.stun.UnknownAttribute;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 100,000 seeded random datagrams into one demux with live sessions: random bytes in every
 * first-byte range, valid and mutated checks, checks for unknown and retired ufrags, from a small
 * pool of addresses so routes are hit, while the clock runs and consent expires. Nothing escapes;
 * every outcome is one the rules allow. {@code -Dice.fuzz.seed=...} replays another run.
 */
class IceDemuxFuzzTest {

  private static final int ITERATIONS = Integer.getInteger("ice.fuzz.iterations", 100_000);
  private static final long SEED = Long.getLong("ice.fuzz.seed", 0x1CE11E7EL);

  @Test
  void nothingEscapesAndEveryOutcomeFollowsTheRules() {
    Random random = new Random(SEED);
    AtomicLong clock = new AtomicLong();
    IceDemux demux = new IceDemux(clock::get);
    List<IceCredentials> credentials = new ArrayList<>();
    List<IceSession> sessions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      IceCredentials c = IceCredentials.random(random);
      credentials.add(c);
      sessions.add(demux.open(c, IceSessionListener.NONE));
    }
    List<InetSocketAddress> sources = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      sources.add(new InetSocketAddress(i % 2 == 0 ? "192.0.2." + (i + 1) : "2001:db8::" + (i + 1), 40_000 + i));
    }
    Map<PacketKind, Integer> kinds = new EnumMap<>(PacketKind.class);
    int replies = 0;
    int delivered = 0;
    int successes = 0;

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startCpu = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < ITERATIONS; i++) {
      InetSocketAddress source = sources.get(random.nextInt(sources.size()));
      byte[] datagram = datagram(random, credentials, new BrowserPeer("fUzZ", source));
      PacketKind kind = PacketKind.classify(datagram);
      kinds.merge(kind, 1, Integer::sum);
      IceSession routedBefore = demux.sessionAt(source).orElse(null);

      Inbound inbound;
      try {
        inbound = demux.receive(datagram, 0, datagram.length, source);
      } catch (RuntimeException | Error e) {
        throw new AssertionError("iteration " + i + " (seed " + SEED + ") escaped: " + Bytes.of(datagram), e);
      }

      if (inbound instanceof Inbound.Reply r) {
        replies++;
        assertThat(kind).as("iteration %d: only STUN is answered", i).isEqualTo(PacketKind.STUN);
        assertThat(r.datagram().recipient()).isEqualTo(source);
        DecodedMessage response = decode(r.datagram().payload(), i);
        assertThat(response.hasValidFingerprint()).isTrue();
        assertThat(response.message().transactionId()).isEqualTo(transactionId(datagram, i));
        if (response.message().type().equals(MessageType.BINDING_SUCCESS)) {
          successes++;
          assertThat(credentials.stream().anyMatch(c -> response.verifyIntegrity(c.integrityKey())))
              .as("iteration %d: a success is signed with some session's password", i).isTrue();
        }
      } else if (inbound instanceof Inbound.Deliver d) {
        delivered++;
        assertThat(kind).isIn(PacketKind.DTLS, PacketKind.RTP, PacketKind.RTCP);
        assertThat(d.session()).as("iteration %d: delivered where the route pointed", i).isSameAs(routedBefore);
        assertThat(d.session().isClosed()).isFalse();
      } else {
        Inbound.Drop drop = (Inbound.Drop) inbound;
        if (kind == PacketKind.DTLS || kind == PacketKind.RTP || kind == PacketKind.RTCP) {
          assertThat(drop.reason()).isEqualTo(DropReason.UNKNOWN_SOURCE);
          assertThat(routedBefore).isNull();
        }
      }

      if (i % 1000 == 999) {
        clock.addAndGet(random.nextInt(12_000));
        for (IceSession expired : demux.expireConsent()) {
          int at = sessions.indexOf(expired);
          IceCredentials fresh = IceCredentials.random(random);
          credentials.set(at, fresh);
          sessions.set(at, demux.open(fresh, IceSessionListener.NONE));
        }
      }
      if (i % 7919 == 7918) { // now and then an ICE restart
        int at = random.nextInt(sessions.size());
        IceCredentials fresh = IceCredentials.random(random);
        demux.restart(sessions.get(at), fresh);
        credentials.add(fresh); // the old ones may still be answered for a while
      }
    }
    long cpuNanos = threads.getCurrentThreadCpuTime() - startCpu;

    System.out.printf("ICE demux fuzz: %,d datagrams (seed 0x%x) in %,d ms CPU; %s; %,d replies (%,d successes),"
        + " %,d delivered%n", ITERATIONS, SEED, cpuNanos / 1_000_000, kinds, replies, successes, delivered);
    assertThat(successes).as("valid checks get through").isGreaterThan(ITERATIONS / 50);
    assertThat(delivered).as("media reaches sessions").isGreaterThan(ITERATIONS / 50);
    assertThat(replies - successes).as("errors are answered").isGreaterThan(ITERATIONS / 100);
    assertThat(kinds.keySet()).containsAll(List.of(PacketKind.values()));
  }

  private static byte[] datagram(Random random, List<IceCredentials> credentials, BrowserPeer peer) {
    IceCredentials target = random.nextInt(10) == 0
        ? IceCredentials.random(random) // nobody's
        : credentials.get(random.nextInt(credentials.size()));
    return switch (random.nextInt(6)) {
      case 0 -> peer.signedCheck(target, random.nextBoolean());
      case 1 -> mutate(random, peer.signedCheck(target, random.nextBoolean()));
      case 2 -> random.nextBoolean() ? peer.controlledCheck(target)
          : peer.check(target, false).add(new UnknownAttribute(random.nextInt(0x8000), Bytes.fromHex("00")))
              .messageIntegrity(target.integrityKey()).fingerprint().encode();
      case 3 -> randomBytes(random, random.nextInt(256)); // the first byte picks the range
      case 4 -> withFirstByte(random, new int[] {0, 1, 20, 22, 23, 128, 129, 144, 191}[random.nextInt(9)]);
      default -> peer.check(target, true).fingerprint().encode(); // unsigned
    };
  }

  private static byte[] mutate(Random random, byte[] message) {
    byte[] m = message.clone();
    switch (random.nextInt(3)) {
      case 0 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> m = java.util.Arrays.copyOf(m, random.nextInt(m.length));
      default -> m[random.nextInt(m.length)] = (byte) random.nextInt(256);
    }
    return m;
  }

  private static byte[] randomBytes(Random random, int first) {
    byte[] b = new byte[random.nextInt(300)];
    random.nextBytes(b);
    if (b.length > 0) {
      b[0] = (byte) first;
    }
    return b;
  }

  private static byte[] withFirstByte(Random random, int first) {
    byte[] b = new byte[1 + random.nextInt(200)];
    random.nextBytes(b);
    b[0] = (byte) first;
    return b;
  }

  private static DecodedMessage decode(Bytes bytes, int iteration) {
    try {
      return StunDecoder.decode(bytes.toByteArray());
    } catch (StunParseException e) {
      throw new AssertionError("iteration " + iteration + ": the demux sent malformed STUN", e);
    }
  }

  private static TransactionId transactionId(byte[] request, int iteration) {
    try {
      return StunDecoder.decode(request).message().transactionId();
    } catch (StunParseException e) {
      throw new AssertionError("iteration " + iteration + ": answered a message that does not decode", e);
    }
  }
}
