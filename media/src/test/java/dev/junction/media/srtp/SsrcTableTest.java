package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.media.srtp.SrtpException.Reason;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-SSRC map and the bound on streams per context. */
class SsrcTableTest {

  @Test
  void holdsUpToTheMaximumOfArbitrarySsrcs() {
    SsrcTable<String> table = new SsrcTable<>();
    Random random = new Random(5);
    int[] ssrcs = new int[SsrcTable.MAX_STREAMS];
    ssrcs[0] = 0;
    ssrcs[1] = -1;
    for (int i = 2; i < ssrcs.length; i++) {
      ssrcs[i] = random.nextInt();
    }

    for (int ssrc : ssrcs) {
      if (table.get(ssrc) == null) {
        table.add(ssrc, Integer.toHexString(ssrc));
      }
    }

    for (int ssrc : ssrcs) {
      assertThat(table.get(ssrc)).isEqualTo(Integer.toHexString(ssrc));
    }
    assertThat(table.get(12345)).isNull();
  }

  @Test
  void isFullAtTheMaximum() {
    SsrcTable<Object> table = new SsrcTable<>();
    for (int i = 0; i < SsrcTable.MAX_STREAMS; i++) {
      assertThat(table.isFull()).isFalse();
      table.add(i * 7919, new Object());
    }

    assertThat(table.isFull()).isTrue();
    assertThat(table.size()).isEqualTo(SsrcTable.MAX_STREAMS);
  }

  @Test
  void aContextRefusesMoreStreamsThanTheMaximum() throws Exception {
    OutboundSrtpContext outbound = Keys.oneDirection(SrtpProfile.AEAD_AES_128_GCM).outbound();
    for (int ssrc = 0; ssrc < SsrcTable.MAX_STREAMS; ssrc++) {
      byte[] packet = Packets.rtp(ssrc, 1, 0, 0);
      outbound.protectRtp(packet, 0, 12);
    }
    byte[] oneMore = Packets.rtp(SsrcTable.MAX_STREAMS, 1, 0, 0);

    assertThatThrownBy(() -> outbound.protectRtp(oneMore, 0, 12))
        .isInstanceOfSatisfying(SrtpException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_STREAMS))
        .hasMessage("SRTP ssrc 0x00000400: already sending 1024 streams");
  }
}
