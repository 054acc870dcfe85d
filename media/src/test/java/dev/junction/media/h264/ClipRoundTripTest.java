package dev.junction.media.h264;

import dev.junction.stun.Bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.media.rtp.RtpHeaderRewriter;
import dev.junction.media.rtp.RtpPacket;
import dev.junction.media.rtp.RtpParseException;
import dev.junction.media.rtp.RtpSequencer;
import dev.junction.media.rtp.Timestamps;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * H.264 packetization of a real clip: every NAL unit reassembles byte for byte. Both clips, at
 * several payload budgets, through encoded RTP packets, with sequence numbers and timestamps that
 * wrap on the way.
 */
class ClipRoundTripTest {

  private static final int FIRST_SEQUENCE_NUMBER = 65_500; // wraps after 36 packets
  private static final long FIRST_TIMESTAMP = 0xFFFF_FFFFL - 10 * Clips.TICKS_PER_FRAME; // wraps at picture 11

  @ParameterizedTest
  @ValueSource(ints = {1200, 1188, 500, 100, 17})
  void baselineClipReassemblesByteForByte(int budget) throws Exception {
    roundTrip(Clips.BASELINE, budget);
  }

  @ParameterizedTest
  @ValueSource(ints = {1200, 300})
  void highClipReassemblesByteForByte(int budget) throws Exception {
    roundTrip(Clips.HIGH, budget);
  }

  @Test
  void theDefaultBudgetUsesEveryKindOfPayload() {
    List<AccessUnit> units = new ArrayList<>(Clips.accessUnits(Clips.BASELINE));
    units.addAll(Clips.accessUnits(Clips.HIGH));
    H264Packetizer packetizer = new H264Packetizer();
    int single = 0;
    int stapA = 0;
    int fuA = 0;
    for (AccessUnit unit : units) {
      for (Bytes payload : packetizer.packetize(unit)) {
        int type = payload.getUnsigned(0) & 0x1f;
        if (type == 24) {
          stapA++;
        } else if (type == 28) {
          fuA++;
        } else {
          single++;
        }
      }
    }
    assertThat(stapA).as("SPS + PPS (+ AUD, SEI, small slices)").isPositive();
    assertThat(fuA).as("the IDR slices are larger than 1200 bytes").isPositive();
    assertThat(single).as("slices of 600 to 1200 bytes").isPositive();
  }

  @Test
  void packetizedOnceThenFannedOutWithOnlyHeaderRewrites() throws Exception {
    // Once per stream: normalise and packetize into canonical encoded packets.
    List<AccessUnit> units = Clips.accessUnits(Clips.HIGH);
    ParameterSetNormaliser normaliser = new ParameterSetNormaliser();
    H264Packetizer packetizer = new H264Packetizer();
    RtpSequencer sequencer = new RtpSequencer(0x5157E4L, 96, 0);
    List<byte[]> canonical = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      for (RtpPacket packet : packetizer.packetize(normaliser.normalise(units.get(i)), i * Clips.TICKS_PER_FRAME, sequencer)) {
        canonical.add(packet.encode());
      }
    }

    // Per viewer: its own SSRC, sequence and timestamp offsets, written into a copy of each packet.
    long[][] viewers = {{0x11111111L, 40_000, 0xFFFF_0000L}, {0x22222222L, 65_535, 12_345}};
    for (long[] viewer : viewers) {
      H264Depacketizer depacketizer = new H264Depacketizer();
      List<DepacketizedAccessUnit> received = new ArrayList<>();
      for (byte[] source : canonical) {
        byte[] out = source.clone(); // the viewer's send buffer
        int sequenceNumber = RtpHeaderRewriter.sequenceNumber(source, 0, source.length);
        long timestamp = RtpHeaderRewriter.timestamp(source, 0, source.length);
        RtpHeaderRewriter.rewrite(out, 0, out.length, viewer[0],
            (int) (sequenceNumber + viewer[1]) & 0xFFFF, Timestamps.add(timestamp, viewer[2]));
        RtpPacket packet = RtpPacket.decode(out);
        assertThat(packet.ssrc()).isEqualTo(viewer[0]);
        received.addAll(depacketizer.push(packet));
      }
      assertThat(received).hasSize(units.size());
      for (int i = 0; i < units.size(); i++) {
        assertThat(received.get(i).timestamp()).isEqualTo(Timestamps.add(i * Clips.TICKS_PER_FRAME, viewer[2]));
        assertThat(received.get(i).accessUnit()).isEqualTo(units.get(i));
        assertThat(received.get(i).intact()).isTrue();
      }
    }
  }

  private static void roundTrip(String clip, int budget) throws H264ParseException, RtpParseException {
    List<AccessUnit> units = Clips.accessUnits(clip);
    H264Packetizer packetizer = new H264Packetizer(budget);
    RtpSequencer sequencer = new RtpSequencer(0xCAFEBABEL, 102, FIRST_SEQUENCE_NUMBER);
    H264Depacketizer depacketizer = new H264Depacketizer();
    List<DepacketizedAccessUnit> received = new ArrayList<>();
    int packetCount = 0;

    for (int i = 0; i < units.size(); i++) {
      long timestamp = Timestamps.add(FIRST_TIMESTAMP, i * Clips.TICKS_PER_FRAME);
      List<RtpPacket> packets = packetizer.packetize(units.get(i), timestamp, sequencer);
      for (int p = 0; p < packets.size(); p++) {
        RtpPacket packet = packets.get(p);
        assertThat(packet.payload().size()).as("payload within the budget").isLessThanOrEqualTo(budget);
        assertThat(packet.marker()).as("marker on the last packet of picture %d only", i).isEqualTo(p == packets.size() - 1);
        assertThat(packet.timestamp()).isEqualTo(timestamp);
        // Through the wire format, as a receiver gets them.
        List<DepacketizedAccessUnit> completed = depacketizer.push(RtpPacket.decode(packet.encode()));
        assertThat(completed).as("an access unit completes exactly at its marker").hasSize(p == packets.size() - 1 ? 1 : 0);
        received.addAll(completed);
      }
      packetCount += packets.size();
    }

    assertThat(depacketizer.flush()).isEmpty();
    assertThat(depacketizer.lostPackets()).isZero();
    assertThat(depacketizer.droppedNalUnits()).isZero();
    assertThat(packetCount).as("sequence numbers wrapped").isGreaterThan(65_536 - FIRST_SEQUENCE_NUMBER);
    assertThat(received).hasSize(units.size());
    for (int i = 0; i < units.size(); i++) {
      DepacketizedAccessUnit got = received.get(i);
      assertThat(got.timestamp()).isEqualTo(Timestamps.add(FIRST_TIMESTAMP, i * Clips.TICKS_PER_FRAME));
      assertThat(got.intact()).isTrue();
      List<NalUnit> expected = units.get(i).nalUnits();
      List<NalUnit> actual = got.accessUnit().nalUnits();
      assertThat(actual).as("NAL units of picture %d", i).hasSameSizeAs(expected);
      for (int n = 0; n < expected.size(); n++) {
        assertThat(actual.get(n).bytes()).as("picture %d NAL unit %d", i, n).isEqualTo(expected.get(n).bytes());
      }
    }
    // And the whole stream back to Annex B, every NAL unit in place.
    List<NalUnit> all = received.stream().flatMap(u -> u.accessUnit().nalUnits().stream()).toList();
    assertThat(all).isEqualTo(Clips.nalUnits(clip));
  }
}
