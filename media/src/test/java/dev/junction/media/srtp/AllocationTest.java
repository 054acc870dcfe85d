package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bytes allocated per 1200-byte video packet, bounded: a regression guard on the hot path, in
 * bytes, not time. What remains is the JDK's: a {@code GCMParameterSpec} or {@code
 * IvParameterSpec} with key and IV copies per packet, HMAC's 20-byte result, and for GCM the
 * engine SunJCE rebuilds at every {@code doFinal} (see {@link AesGcm}). Before the scratch buffer
 * in {@link AesCmHmacSha1}, in-place AES-CM cost 1.3 kB per packet more.
 */
class AllocationTest {

  private static final int PACKETS = 2_000;

  /**
   * Upper bounds per packet, above what SunJCE 17 allocates: about 150 bytes for AES-CM, and for
   * GCM 950 once C2 has compiled the JDK's code, 1100 before (escape analysis removes a little).
   */
  private static long bound(SrtpProfile profile) {
    return profile == SrtpProfile.AEAD_AES_128_GCM ? 1_500 : 300;
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void protectingAndUnprotectingAllocateOnlyWhatTheJdkDoes(SrtpProfile profile) throws Exception {
    assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
        "needs HotSpot's per-thread allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    SrtpContexts contexts = Keys.oneDirection(profile);
    byte[] source = Arrays.copyOf(Packets.rtp(0x0a110c, 0, 1200, 0x42), 1212);
    byte[] out = new byte[1212 + profile.srtpOverhead()];
    int[] seq = {0};

    run(contexts, source, out, seq); // warm-up: class loading, lazy JCE state, first stream
    long before = threads.getCurrentThreadAllocatedBytes();
    run(contexts, source, out, seq);
    long perPacket = (threads.getCurrentThreadAllocatedBytes() - before) / PACKETS;

    assertThat(perPacket).as("bytes allocated per protect + unprotect / 2").isLessThan(bound(profile));
  }

  private static void run(SrtpContexts contexts, byte[] source, byte[] out, int[] seq) throws SrtpException {
    for (int i = 0; i < PACKETS / 2; i++) {
      int s = seq[0]++;
      source[2] = (byte) (s >>> 8);
      source[3] = (byte) s;
      int length = contexts.outbound().protectRtp(source, 0, 1212, out, 0);
      contexts.inbound().unprotectRtp(out, 0, length);
    }
  }
}
