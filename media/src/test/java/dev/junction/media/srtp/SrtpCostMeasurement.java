package dev.junction.media.srtp;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What one packet costs, printed, never asserted: a hand-run measurement, not a test (its name
 * does not end in "Test", so the suite skips it, and it only runs with {@code -Dsrtp.measure=true}).
 * Plain {@code nanoTime} loops after warm-up, like java-stack.md §3; not JMH. Each figure is
 * measured in 15 rounds; the best round is the one least disturbed by other processes on a shared
 * machine, so it is printed first, then the median.
 *
 * <pre>
 *   mvn -q -o -pl media -am test -Dtest=SrtpCostMeasurement -Dsrtp.measure=true \
 *       -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Measures, per profile, for a 1200-byte payload (1212-byte RTP packet): protect from a shared
 * plaintext into a per-viewer buffer (the fan-out path), unprotect in place (including the copy
 * of the packet into the work buffer, measured separately), and the bytes allocated per packet;
 * a cache-hot protect-then-unprotect round trip; the per-peer setup; then the bare cost of
 * re-initialising a GCM and a CTR {@code Cipher} with a new IV.
 */
@EnabledIfSystemProperty(named = "srtp.measure", matches = "true")
class SrtpCostMeasurement {

  private static final int PAYLOAD = 1200;
  private static final int RTP_LENGTH = 12 + PAYLOAD;
  private static final int WARM_UP = 300_000;
  private static final int ROUND = 50_000;
  private static final int ROUNDS = 15;
  private static final int POOL = 4096;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private static volatile long sink;

  @Test
  void measure() throws Exception {
    System.out.printf("SRTP cost, %d-byte payload, %s %s, %d cores%n", PAYLOAD,
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    for (SrtpProfile profile : SrtpProfile.values()) {
      measureProtect(profile);
      measureUnprotect(profile);
      measureUnprotectTransform(profile);
      measureRoundTrip(profile);
      measureSetup(profile);
    }
    measureCopy();
    measureInit("AES/GCM/NoPadding");
    measureInit("AES/CTR/NoPadding");
  }

  private static void measureProtect(SrtpProfile profile) throws SrtpException {
    OutboundSrtpContext outbound = OutboundSrtpContext.create(Keys.master(profile, 1));
    byte[] source = Arrays.copyOf(Packets.rtp(0x11111111, 0, PAYLOAD, 0x42), RTP_LENGTH);
    byte[] out = new byte[RTP_LENGTH + profile.srtpOverhead()];
    int[] seq = {0};
    Loop protect = () -> {
      int s = seq[0]++ & 0xffff;
      source[2] = (byte) (s >>> 8);
      source[3] = (byte) s;
      return outbound.protectRtp(source, 0, RTP_LENGTH, out, 0) + out[20];
    };
    report(profile + " protect (into viewer buffer)", protect);
  }

  private static void measureUnprotect(SrtpProfile profile) throws SrtpException {
    SrtpMasterKey key = Keys.master(profile, 2);
    OutboundSrtpContext outbound = OutboundSrtpContext.create(key);
    byte[][] pool = new byte[POOL][];
    int protectedLength = 0;
    for (int i = 0; i < POOL; i++) {
      pool[i] = Packets.rtp(0x22222222, i, PAYLOAD, i);
      protectedLength = outbound.protectRtp(pool[i], 0, RTP_LENGTH);
    }
    int length = protectedLength;
    byte[] work = new byte[length];
    InboundSrtpContext[] inbound = {InboundSrtpContext.create(key)};
    int[] next = {0};
    Loop unprotect = () -> {
      int i = next[0]++;
      if (i == POOL) { // every pooled packet seen once: a fresh receiver (amortised over 4096)
        inbound[0] = InboundSrtpContext.create(key);
        next[0] = 1;
        i = 0;
      }
      System.arraycopy(pool[i], 0, work, 0, length);
      return inbound[0].unprotectRtp(work, 0, length) + work[20];
    };
    report(profile + " unprotect (in place, incl. copy in from a 5 MB pool)", unprotect);
  }

  private static void measureUnprotectTransform(SrtpProfile profile) throws SrtpException {
    // Cache-hot and without the replay window (so one packet can be opened again and again):
    // the crypto of unprotect, plus a hot 1.2 kB copy.
    SrtpMasterKey key = Keys.master(profile, 4);
    byte[] packet = Packets.rtp(0x44444444, 9, PAYLOAD, 0x42);
    int length = OutboundSrtpContext.create(key).protectRtp(packet, 0, RTP_LENGTH);
    PacketTransform transform = PacketTransform.create(key);
    byte[] work = new byte[length];
    report(profile + " unprotect crypto only (transform, hot, incl. copy)", () -> {
      System.arraycopy(packet, 0, work, 0, length);
      return transform.unprotectRtp(work, 0, 12, length, 0x44444444, 9) + work[20];
    });
  }

  private static void measureRoundTrip(SrtpProfile profile) throws SrtpException {
    // Cache-hot: the packet just protected is unprotected at once. Unprotect = this - protect.
    SrtpMasterKey key = Keys.master(profile, 3);
    OutboundSrtpContext outbound = OutboundSrtpContext.create(key);
    InboundSrtpContext inbound = InboundSrtpContext.create(key);
    byte[] source = Arrays.copyOf(Packets.rtp(0x33333333, 0, PAYLOAD, 0x42), RTP_LENGTH);
    byte[] work = new byte[RTP_LENGTH + profile.srtpOverhead()];
    int[] seq = {0};
    report(profile + " protect + unprotect (cache-hot)", () -> {
      int s = seq[0]++ & 0xffff;
      source[2] = (byte) (s >>> 8);
      source[3] = (byte) s;
      int length = outbound.protectRtp(source, 0, RTP_LENGTH, work, 0);
      return inbound.unprotectRtp(work, 0, length) + work[20];
    });
  }

  private static void measureSetup(SrtpProfile profile) {
    // Per peer: split the exporter output, derive 2 x 6 session keys, create Ciphers and Macs.
    byte[] exported = new byte[profile.keyingMaterialLength()];
    int[] n = {0};
    report(profile + " contextsFor (per-peer setup)", 2_000, () -> {
      exported[0] = (byte) n[0]++;
      SrtpContexts contexts = DtlsSrtpKeyingMaterial.of(profile, exported).contextsFor(DtlsRole.SERVER);
      return contexts.hashCode();
    });
  }

  private static void measureCopy() throws Exception {
    byte[] from = new byte[RTP_LENGTH + 16];
    byte[] to = new byte[RTP_LENGTH + 16];
    report("copy of one 1228-byte packet", () -> {
      System.arraycopy(from, 0, to, 0, to.length);
      return to[7];
    });
  }

  private static void measureInit(String transformation) throws Exception {
    Cipher cipher = Cipher.getInstance(transformation);
    SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
    boolean gcm = transformation.contains("GCM");
    byte[] iv = new byte[gcm ? 12 : 16];
    long[] counter = {0};
    report(transformation + " init with a new IV", () -> {
      long n = ++counter[0];
      iv[4] = (byte) (n >>> 24);
      iv[5] = (byte) (n >>> 16);
      iv[6] = (byte) (n >>> 8);
      iv[7] = (byte) n;
      cipher.init(Cipher.ENCRYPT_MODE, key, gcm ? new GCMParameterSpec(128, iv) : new IvParameterSpec(iv));
      return iv[7];
    });
  }

  @FunctionalInterface
  private interface Loop {
    int once() throws Exception;
  }

  private static void report(String what, Loop loop) {
    report(what, ROUND, loop);
  }

  private static void report(String what, int round, Loop loop) {
    try {
      long acc = 0;
      for (int i = 0; i < Math.min(WARM_UP, 3 * round); i++) {
        acc += loop.once();
      }
      double[] micros = new double[ROUNDS];
      long allocated = 0;
      for (int r = 0; r < ROUNDS; r++) {
        long bytesBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (int i = 0; i < round; i++) {
          acc += loop.once();
        }
        micros[r] = (System.nanoTime() - start) / 1000.0 / round;
        allocated += THREADS.getCurrentThreadAllocatedBytes() - bytesBefore;
      }
      sink = acc;
      Arrays.sort(micros);
      System.out.printf("  %-58s best %7.3f µs, median %7.3f µs, %6d bytes allocated, per packet%n",
          what, micros[0], micros[ROUNDS / 2], allocated / ((long) round * ROUNDS));
    } catch (Exception e) {
      throw new AssertionError(what, e);
    }
  }
}
